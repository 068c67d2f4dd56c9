package dev.sluice.connect.lambda;

import dev.sluice.connect.lambda.destination.FailureReport;
import dev.sluice.connect.lambda.destination.OnFailureDestination;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An on-failure destination that keeps what it is sent. */
public final class RecordingDestination implements OnFailureDestination {

    private final List<FailureReport> reports = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public void send(FailureReport report) {
        reports.add(report);
    }

    public List<FailureReport> reports() {
        return List.copyOf(reports);
    }

    /** The offsets of every record set aside, in order. */
    public List<Long> offsets() {
        return reports.stream().flatMap(r -> r.records().stream()).map(r -> r.offset()).toList();
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
