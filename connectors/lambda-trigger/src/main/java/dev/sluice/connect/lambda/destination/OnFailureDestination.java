package dev.sluice.connect.lambda.destination;

/** Where records go that the function will not get again (DestinationConfig.OnFailure). */
public interface OnFailureDestination extends AutoCloseable {

    /**
     * Writes the records and returns once the destination has them all.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException when it cannot: the records are not set aside, so the
     *                                                          task must not go past them
     * @throws InterruptedException                             when the task is stopping
     */
    void send(FailureReport report) throws InterruptedException;

    @Override
    void close();
}
