package dev.sluice.connect.dynamodb.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A table's primary key: the hash attribute and the optional sort attribute, with their types. */
public record TableKeySchema(String table, KeyAttribute hash, Optional<KeyAttribute> sort) {

    /** @param type S, N or B */
    public record KeyAttribute(String name, ScalarAttributeType type) {
    }

    public static TableKeySchema of(TableDescription table) {
        Map<String, ScalarAttributeType> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(a -> a.attributeName(), a -> a.attributeType()));
        KeyAttribute hash = null;
        KeyAttribute sort = null;
        for (var element : table.keySchema()) {
            var attribute = new KeyAttribute(element.attributeName(), types.get(element.attributeName()));
            if (element.keyType() == KeyType.HASH) {
                hash = attribute;
            } else {
                sort = attribute;
            }
        }
        return new TableKeySchema(table.tableName(), hash, Optional.ofNullable(sort));
    }

    /** What the user should change when the configured key attributes are not this table's key; empty if they are. */
    public Optional<String> mismatch(KeyRef hashRef, Optional<KeyRef> sortRef) {
        boolean hashMatches = hash.name().equals(hashRef.attribute());
        boolean sortMatches = sort.map(KeyAttribute::name).equals(sortRef.map(KeyRef::attribute));
        if (hashMatches && sortMatches) {
            return Optional.empty();
        }
        StringBuilder advice = new StringBuilder("Table " + table + " has the key " + describe()
                + ", but the connector writes the key " + configured(hashRef, sortRef) + ". ");
        if (!hashMatches) {
            advice.append("Set aws.dynamodb.pk.hash to a reference whose attribute is ").append(hash.name())
                    .append(" (such as key.").append(hash.name()).append(" or value.").append(hash.name())
                    .append(", or <reference>:").append(hash.name()).append("). ");
        }
        if (!sortMatches) {
            advice.append(sort.map(s -> "Set aws.dynamodb.pk.sort to a reference whose attribute is " + s.name()
                    + " (such as value." + s.name() + ", or <reference>:" + s.name() + ").")
                    .orElse("The table has no sort key: set aws.dynamodb.pk.sort to an empty value."));
        }
        return Optional.of(advice.toString().strip());
    }

    /** Such as {@code (id HASH S, version RANGE N)}. */
    public String describe() {
        return "(" + hash.name() + " HASH " + hash.type() + sort.map(s -> ", " + s.name() + " RANGE " + s.type())
                .orElse("") + ")";
    }

    private static String configured(KeyRef hashRef, Optional<KeyRef> sortRef) {
        return "(" + hashRef.attribute() + " HASH" + sortRef.map(s -> ", " + s.attribute() + " RANGE").orElse("")
                + ")";
    }
}
