package dev.sluice.connect.lambda.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FilterCriteriaTest {

    /** One pattern, given as the object form. */
    private static FilterCriteria pattern(String pattern) {
        return FilterCriteria.parse("{\"Filters\": [{\"Pattern\": " + pattern + "}]}");
    }

    private static FilterInput value(String value) {
        return record("orders", 0, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static FilterInput record(String topic, int partition, byte[] value) {
        return FilterInput.of(topic, partition, 15, 1545084650987L, "CREATE_TIME", "a2V5", value);
    }

    @Test
    void theEventSourceMappingsStringFormReadsAsLambdasDocumentationWritesIt() {
        var criteria = FilterCriteria.parse("{\"Filters\": [{\"Pattern\": "
                + "\"{ \\\"value\\\" : { \\\"device_ID\\\" : [ { \\\"prefix\\\": \\\"AB\\\" } ] } }\"}]}");

        assertThat(criteria.matches(value("{\"device_ID\": \"AB1234\", \"session\": {\"duration\": 162}}"))).isTrue();
        assertThat(criteria.matches(value("{\"device_ID\": \"CD1234\"}"))).isFalse();
    }

    @Test
    void noCriteriaMatchEverything() {
        assertThat(FilterCriteria.parse("").matches(value("x"))).isTrue();
        assertThat(FilterCriteria.parse("{}").matches(value("x"))).isTrue();
        assertThat(FilterCriteria.parse("{\"Filters\": []}").isEmpty()).isTrue();
    }

    @Test
    void exactValuesCompareStringsAndNumbersByTheirText() {
        var criteria = pattern("{\"value\": {\"City\": [\"Seattle\", \"Portland\"], \"Price\": [300]}}");

        assertThat(criteria.matches(value("{\"City\": \"Portland\", \"Price\": 300}"))).isTrue();
        assertThat(criteria.matches(value("{\"City\": \"portland\", \"Price\": 300}"))).isFalse();
        assertThat(criteria.matches(value("{\"City\": \"Seattle\", \"Price\": 300.0}"))).isFalse();
        assertThat(criteria.matches(value("{\"City\": \"Seattle\", \"Price\": \"300\"}"))).isFalse();
        assertThat(criteria.matches(value("{\"City\": \"Seattle\"}"))).isFalse();
    }

    @Test
    void nullEmptyAndBooleans() {
        var criteria = pattern("{\"value\": {\"UserID\": [null], \"LastName\": [\"\"], \"Active\": [true]}}");

        assertThat(criteria.matches(value("{\"UserID\": null, \"LastName\": \"\", \"Active\": true}"))).isTrue();
        assertThat(criteria.matches(value("{\"LastName\": \"\", \"Active\": true}"))).isFalse();
        assertThat(criteria.matches(value("{\"UserID\": null, \"LastName\": \"\", \"Active\": false}"))).isFalse();
    }

    @Test
    void prefixSuffixAndEqualsIgnoreCase() {
        assertThat(pattern("{\"value\": {\"Region\": [{\"prefix\": \"us-\"}]}}")
                .matches(value("{\"Region\": \"us-east-1\"}"))).isTrue();
        assertThat(pattern("{\"value\": {\"Region\": [{\"prefix\": {\"equals-ignore-case\": \"US-\"}}]}}")
                .matches(value("{\"Region\": \"us-east-1\"}"))).isTrue();
        assertThat(pattern("{\"value\": {\"File\": [{\"suffix\": \".png\"}]}}")
                .matches(value("{\"File\": \"cat.PNG\"}"))).isFalse();
        assertThat(pattern("{\"value\": {\"File\": [{\"suffix\": {\"equals-ignore-case\": \".png\"}}]}}")
                .matches(value("{\"File\": \"cat.PNG\"}"))).isTrue();
        assertThat(pattern("{\"value\": {\"Name\": [{\"equals-ignore-case\": \"alice\"}]}}")
                .matches(value("{\"Name\": \"ALICE\"}"))).isTrue();
        assertThat(pattern("{\"value\": {\"Name\": [{\"prefix\": \"A\"}]}}")
                .matches(value("{\"Name\": 42}"))).isFalse();
    }

    @Test
    void anythingButMatchesAnyPresentValueButThose() {
        var criteria = pattern("{\"value\": {\"Weather\": [{\"anything-but\": [\"Raining\", \"Snowing\"]}]}}");

        assertThat(criteria.matches(value("{\"Weather\": \"Sunny\"}"))).isTrue();
        assertThat(criteria.matches(value("{\"Weather\": \"Raining\"}"))).isFalse();
        assertThat(criteria.matches(value("{\"Other\": 1}"))).isFalse();
        assertThat(pattern("{\"value\": {\"Region\": [{\"anything-but\": {\"prefix\": \"us-\"}}]}}")
                .matches(value("{\"Region\": \"eu-west-1\"}"))).isTrue();
        assertThat(pattern("{\"value\": {\"Region\": [{\"anything-but\": {\"equals-ignore-case\": [\"EU\"]}}]}}")
                .matches(value("{\"Region\": \"eu\"}"))).isFalse();
        assertThat(pattern("{\"value\": {\"Code\": [{\"anything-but\": 404}]}}")
                .matches(value("{\"Code\": 200}"))).isTrue();
    }

    @Test
    void numericRanges() {
        var criteria = pattern("{\"value\": {\"Price\": [{\"numeric\": [\">\", 10, \"<=\", 20]}]}}");

        assertThat(criteria.matches(value("{\"Price\": 10}"))).isFalse();
        assertThat(criteria.matches(value("{\"Price\": 10.5}"))).isTrue();
        assertThat(criteria.matches(value("{\"Price\": 20}"))).isTrue();
        assertThat(criteria.matches(value("{\"Price\": 2e1}"))).isTrue();
        assertThat(criteria.matches(value("{\"Price\": 20.01}"))).isFalse();
        assertThat(criteria.matches(value("{\"Price\": \"15\"}"))).isFalse();
        assertThat(pattern("{\"value\": {\"Price\": [{\"numeric\": [\"=\", 100]}]}}")
                .matches(value("{\"Price\": 100.0}"))).isTrue();
    }

    @Test
    void existsLooksAtLeavesOnly() {
        var exists = pattern("{\"value\": {\"person\": {\"name\": [{\"exists\": true}]}}}");
        var intermediate = pattern("{\"value\": {\"person\": [{\"exists\": true}]}}");
        var missing = pattern("{\"value\": {\"coupon\": [{\"exists\": false}]}}");
        String person = "{\"person\": {\"name\": \"John Doe\", \"address\": {\"city\": \"Anytown\"}}}";

        assertThat(exists.matches(value(person))).isTrue();
        assertThat(intermediate.matches(value(person))).isFalse();
        assertThat(missing.matches(value(person))).isTrue();
        assertThat(missing.matches(value("{\"coupon\": \"X\"}"))).isFalse();
    }

    @Test
    void fieldsAreAndedFiltersAndOrAlternativesOred() {
        var and = pattern("{\"value\": {\"Location\": [\"New York\"], \"Day\": [\"Monday\"]}}");
        var or = pattern("{\"value\": {\"$or\": [{\"Location\": [\"New York\"]}, {\"Day\": [\"Monday\"]}]}}");
        var filters = FilterCriteria.parse("{\"Filters\": [{\"Pattern\": \"{\\\"topic\\\": [\\\"payments\\\"]}\"},"
                + " {\"Pattern\": \"{\\\"value\\\": {\\\"Day\\\": [\\\"Monday\\\"]}}\"}]}");
        String monday = "{\"Location\": \"Boston\", \"Day\": \"Monday\"}";

        assertThat(and.matches(value(monday))).isFalse();
        assertThat(or.matches(value(monday))).isTrue();
        assertThat(or.matches(value("{\"Location\": \"Boston\", \"Day\": \"Friday\"}"))).isFalse();
        assertThat(filters.matches(value(monday))).isTrue();
        assertThat(filters.matches(record("payments", 0, "plain".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(filters.matches(value("{\"Day\": \"Friday\"}"))).isFalse();
    }

    @Test
    void arraysMatchWhenAnyElementDoes() {
        var criteria = pattern("{\"value\": {\"tags\": [\"urgent\"], \"items\": {\"sku\": [{\"prefix\": \"A\"}]}}}");

        assertThat(criteria.matches(value("{\"tags\": [\"low\", \"urgent\"], \"items\": [{\"sku\": \"B1\"}, "
                + "{\"sku\": \"A7\"}]}"))).isTrue();
        assertThat(criteria.matches(value("{\"tags\": [\"low\"], \"items\": [{\"sku\": \"A7\"}]}"))).isFalse();
    }

    @Test
    void metadataFieldsAreFilteredAsTheEventNamesThem() {
        var criteria = pattern("{\"topic\": [\"orders\"], \"partition\": [{\"numeric\": [\"<\", 2]}], "
                + "\"timestampType\": [\"CREATE_TIME\"], \"key\": [\"a2V5\"]}");

        assertThat(criteria.matches(record("orders", 1, null))).isTrue();
        assertThat(criteria.matches(record("orders", 2, null))).isFalse();
        assertThat(criteria.matches(record("refunds", 0, null))).isFalse();
    }

    @Test
    void aPlainStringValueIsMatchedByRulesDirectlyUnderValue() {
        var criteria = pattern("{\"value\": [{\"anything-but\": [\"error\"]}]}");

        assertThat(criteria.matches(value("all good"))).isTrue();
        assertThat(criteria.matches(value("error"))).isFalse();
        assertThat(criteria.matches(value("{not json"))).isTrue();
    }

    @Test
    void whenThePatternAndTheValueDifferInFormOnlyTheOtherFieldsCount() {
        var jsonPattern = pattern("{\"topic\": [\"orders\"], \"value\": {\"device_ID\": [\"AB\"]}}");
        var textPattern = pattern("{\"topic\": [\"orders\"], \"value\": [\"AB\"]}");

        assertThat(jsonPattern.matches(value("plain text"))).isTrue();
        assertThat(jsonPattern.matches(record("refunds", 0, "plain text".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
        assertThat(textPattern.matches(value("{\"device_ID\": \"CD\"}"))).isTrue();
        assertThat(jsonPattern.matches(record("orders", 0, new byte[] {(byte) 0xC3, (byte) 0x28}))).isTrue();
    }

    @Test
    void aTombstoneHasNoValueField() {
        assertThat(pattern("{\"value\": [{\"exists\": false}]}").matches(value(null))).isTrue();
        assertThat(pattern("{\"value\": [\"x\"]}").matches(value(null))).isFalse();
        assertThat(pattern("{\"value\": {\"a\": [\"x\"]}}").matches(value(null))).isFalse();
    }

    @Test
    void whatIsNotLambdasSyntaxIsRefusedSayingWhy() {
        assertThatThrownBy(() -> FilterCriteria.parse("not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> FilterCriteria.parse("{\"Filters\": [{}]}")).hasMessageContaining("no \"Pattern\"");
        assertThatThrownBy(() -> pattern("{\"value\": {\"a\": [{\"wildcard\": \"x*\"}]}}"))
                .hasMessageContaining("Unsupported filter operator 'wildcard' in value.a");
        assertThatThrownBy(() -> pattern("{\"value\": {\"a\": \"x\"}}"))
                .hasMessageContaining("must be an array");
        assertThatThrownBy(() -> pattern("{\"value\": {\"a\": [{\"numeric\": [\"~\", 1]}]}}"))
                .hasMessageContaining("numeric in value.a");
        assertThatThrownBy(() -> pattern("{\"value\": {\"a\": [{\"prefix\": 1}]}}"))
                .hasMessageContaining("prefix in value.a takes a string");
        assertThatThrownBy(() -> pattern("{}")).hasMessageContaining("at least one field");
        assertThatThrownBy(() -> pattern("{\"$or\": [{\"a\": [1]}]}")).hasMessageContaining("at least two");
        assertThatThrownBy(() -> FilterCriteria.parse("{\"Filters\": [{\"Pattern\": \"{\\\"a\\\": [1]}\"}, "
                + "{\"Pattern\": \"{\\\"a\\\": [{\\\"exists\\\": 1}]}\"}]}")).hasMessageStartingWith("Filter 2:");
    }
}
