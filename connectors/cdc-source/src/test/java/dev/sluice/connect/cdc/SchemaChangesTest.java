package dev.sluice.connect.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SchemaChangesTest {

    private static Schema row(boolean withNote, Schema qty) {
        SchemaBuilder row = SchemaBuilder.struct().name("shop.public.orders.Value")
                .field("id", Schema.INT32_SCHEMA)
                .field("qty", qty);
        if (withNote) {
            row.field("note", Schema.OPTIONAL_STRING_SCHEMA);
        }
        return row.optional().build();
    }

    private static SourceRecord change(Schema row) {
        Schema envelope = SchemaBuilder.struct().name("shop.public.orders.Envelope")
                .field("before", row).field("after", row).field("op", Schema.STRING_SCHEMA).build();
        Struct after = new Struct(row).put("id", 1).put("qty", row.field("qty").schema().type() == Schema.Type.INT32
                ? (Object) 1 : (Object) 1L);
        Struct value = new Struct(envelope).put("after", after).put("op", "c");
        return new SourceRecord(Map.of(), Map.of(), "shop.public.orders", null, null, envelope, value);
    }

    @Test
    void recordsOfAnUnchangedTableReportNothing() {
        var changes = new SchemaChanges();
        Schema schema = row(false, Schema.INT32_SCHEMA);

        assertThat(changes.observe(List.of(change(schema), change(schema)))).isEmpty();
        assertThat(changes.observe(List.of(change(row(false, Schema.INT32_SCHEMA))))).isEmpty();
    }

    @Test
    void anAddedColumnAndAWidenedTypeAreNamed() {
        var changes = new SchemaChanges();
        changes.observe(List.of(change(row(false, Schema.INT32_SCHEMA))));

        assertThat(changes.observe(List.of(change(row(true, Schema.INT64_SCHEMA)))))
                .containsExactly("The columns of shop.public.orders changed: qty int32 not null -> int64 not null; "
                        + "added note string");
    }

    @Test
    void aDroppedColumnIsNamed() {
        var changes = new SchemaChanges();
        changes.observe(List.of(change(row(true, Schema.INT32_SCHEMA))));

        assertThat(changes.observe(List.of(change(row(false, Schema.INT32_SCHEMA)))))
                .containsExactly("The columns of shop.public.orders changed: dropped note");
    }

    @Test
    void tombstonesAndNullPollsAreIgnored() {
        var changes = new SchemaChanges();
        assertThat(changes.observe(null)).isEmpty();
        assertThat(changes.observe(List.of(new SourceRecord(Map.of(), Map.of(), "t", null, null, null, null))))
                .isEmpty();
    }
}
