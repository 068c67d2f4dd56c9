package dev.sluice.lambdahost;

/** Runs one invocation on an instance from the pool, and gives the instance back (or has it stopped). */
final class Invoker {

    private final InstancePool pool;

    Invoker(InstancePool pool) {
        this.pool = pool;
    }

    /**
     * @throws LambdaApiException TooManyRequestsException when the function's concurrency is all in use
     */
    FunctionInstance.Result invoke(LambdaFunction function, String requestId, byte[] payload, String clientContext) {
        FunctionInstance instance = pool.acquire(function);
        boolean reusable = false;
        try {
            FunctionInstance.Result result = instance.invoke(requestId, payload, clientContext);
            reusable = result.outcome().instanceReusable();
            return result;
        } finally {
            pool.release(instance, reusable);
        }
    }
}
