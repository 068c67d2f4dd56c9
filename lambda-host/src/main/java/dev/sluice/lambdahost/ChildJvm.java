package dev.sluice.lambdahost;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of an instance's JVM: the host's own {@code java} running AWS's runtime interface
 * client with the function's handler, the JVM flags of Lambda's Java runtimes (heap from the memory setting), and
 * the environment Lambda gives a function: its own variables, then the reserved ones, and nothing of the host's.
 */
record ChildJvm(String javaBinary, RuntimeClasspath runtime, LambdaHostSettings settings) {

    /** The host's {@code java}, which instances run on whatever runtime a function names. */
    static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Lambda's Java runtimes give the heap 85% of the function's memory. */
    static int maxHeapMegabytes(int memorySize) {
        return memorySize * 85 / 100;
    }

    List<String> command(LambdaFunction function, Path tmpDir) {
        List<String> command = new ArrayList<>(List.of(javaBinary,
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Xmx" + maxHeapMegabytes(function.memorySize()) + "m",
                "-Djava.io.tmpdir=" + tmpDir,
                "-D" + RuntimeClasspath.NATIVE_LIBRARY_PROPERTY + "=" + runtime.nativeLibrary(),
                "-cp", runtime.classpath(),
                RuntimeClasspath.MAIN_CLASS, function.handler()));
        return List.copyOf(command);
    }

    /**
     * @param taskRoot   where the function's code is unpacked (also the JVM's working directory)
     * @param runtimeApi the instance's Runtime API, {@code host:port}
     */
    Map<String, String> environment(LambdaFunction function, Path taskRoot, String runtimeApi, String instanceId,
                                    LocalDate today, String hostPath) {
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        env.put("PATH", hostPath == null ? "/usr/local/bin:/usr/bin:/bin" : hostPath);
        env.putIfAbsent("LANG", "en_US.UTF-8");
        env.putIfAbsent("TZ", ":UTC");
        env.put("_HANDLER", function.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.put("AWS_REGION", settings.region());
        env.put("AWS_DEFAULT_REGION", settings.region());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", FunctionRef.LATEST);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME",
                today.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "/[" + FunctionRef.LATEST + "]" + instanceId);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtime.entries().get(0).getParent().toString());
        if (settings.accessKeyId() != null) {
            env.put("AWS_ACCESS_KEY_ID", settings.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", settings.secretAccessKey());
        }
        return env;
    }
}
