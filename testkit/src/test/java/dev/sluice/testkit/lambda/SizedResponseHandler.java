package dev.sluice.testkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A test function on the stream interface: its input is a JSON number N, and it answers with a JSON string of N
 * letters ({@code "aaa..."}), N + 2 bytes in all.
 */
public class SizedResponseHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int letters = Integer.parseInt(new String(input.readAllBytes(), StandardCharsets.UTF_8).trim());
        byte[] answer = new byte[letters + 2];
        Arrays.fill(answer, (byte) 'a');
        answer[0] = '"';
        answer[answer.length - 1] = '"';
        output.write(answer);
    }
}
