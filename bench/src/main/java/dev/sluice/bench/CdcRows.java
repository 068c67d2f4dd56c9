package dev.sluice.bench;

import dev.sluice.runtime.dev.LocalPostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * The {@code cdc-source} benchmark's table and its rows, about 200 B each as PostgreSQL stores them: an id, a
 * customer, a status, an amount, the insert's time and a note of {@value #NOTE_CHARS} random characters (every
 * row's different). Rows are written by multi-row {@code INSERT}s, one transaction each, so that inserting is not
 * what limits reading the changes.
 */
final class CdcRows implements AutoCloseable {

    static final String TABLE = "bench_rows";
    static final String QUALIFIED_TABLE = "public." + TABLE;
    static final int NOTE_CHARS = 140;

    private static final String[] STATUSES = {"new", "paid", "shipped", "delivered"};
    private static final String COLUMNS = "(id, customer_id, status, amount_cents, created_at, note)";
    private static final String ROW = "(?, ?, ?, ?, now(), ?)";

    private final Connection connection;
    private final PreparedStatement insert;
    private final int rows;

    /** A connection that inserts {@code rows} rows a statement. */
    CdcRows(LocalPostgresServer postgres, int rows) {
        try {
            this.connection = postgres.connect();
            var values = new StringJoiner(", ");
            for (int i = 0; i < rows; i++) {
                values.add(ROW);
            }
            this.insert = connection.prepareStatement("INSERT INTO " + QUALIFIED_TABLE + " " + COLUMNS + " VALUES "
                    + values);
            this.rows = rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the benchmark's INSERT: " + e.getMessage(), e);
        }
    }

    static void createTable(LocalPostgresServer postgres) throws SQLException {
        execute(postgres, "CREATE TABLE " + QUALIFIED_TABLE + " (id bigint PRIMARY KEY, customer_id integer NOT NULL, "
                + "status text NOT NULL, amount_cents bigint NOT NULL, created_at timestamptz NOT NULL, "
                + "note text NOT NULL)");
    }

    /** Empties the table between rounds; neither reader counts the truncation. */
    static void truncate(LocalPostgresServer postgres) throws SQLException {
        execute(postgres, "TRUNCATE " + QUALIFIED_TABLE);
    }

    /** Inserts the rows {@code first} to {@code first + rows - 1} in one statement, committed on return. */
    void insert(long first) throws SQLException {
        byte[] note = new byte[NOTE_CHARS];
        int p = 1;
        for (long id = first; id < first + rows; id++) {
            RandomAscii.fill(note, 0, note.length, id);
            insert.setLong(p++, id);
            insert.setInt(p++, (int) Math.floorMod(id, 10_007));
            insert.setString(p++, STATUSES[(int) Math.floorMod(id, STATUSES.length)]);
            insert.setLong(p++, Math.floorMod(id * 37, 100_000));
            insert.setString(p++, new String(note, StandardCharsets.US_ASCII));
        }
        insert.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static void execute(LocalPostgresServer postgres, String statement) throws SQLException {
        try (Connection c = postgres.connect(); Statement sql = c.createStatement()) {
            sql.execute(statement);
        }
    }
}
