package dev.sluice.testkit;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * RDS's check of an IAM authentication token, for the test gateways: a SigV4 presigned {@code connect} request for
 * this endpoint and database user, signed with the one key it knows, at most 15 minutes old.
 */
final class RdsIamTokenCheck {

    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String host;
    private final int port;
    private final String user;
    private final AwsCredentials credentials;
    private final Region region;

    /**
     * @param host        the endpoint's name, as the client knows it
     * @param port        the endpoint's port
     * @param user        the only database user that signs in with tokens
     * @param credentials the key whose tokens are accepted
     */
    RdsIamTokenCheck(String host, int port, String user, AwsCredentials credentials, Region region) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.credentials = credentials;
        this.region = region;
    }

    /** Whether {@code token} lets {@code signInUser} in. */
    boolean valid(String token, String signInUser) {
        if (!signInUser.equals(user)) {
            return false;
        }
        Map<String, String> query = new HashMap<>();
        String rawQuery;
        try {
            rawQuery = URI.create("https://" + token).getRawQuery();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        Instant signed;
        try {
            signed = Instant.from(AMZ_DATE.parse(query.getOrDefault("X-Amz-Date", "")));
        } catch (DateTimeParseException e) {
            return false;
        }
        Instant now = Instant.now();
        if (signed.isAfter(now.plus(Duration.ofMinutes(5))) || signed.plus(LIFETIME).isBefore(now)) {
            return false;
        }
        return token.equals(presign(signed));
    }

    /** The token RDS expects for the user signed at {@code at}, as the SDK's RdsUtilities makes it. */
    private String presign(Instant at) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(host)
                .port(port)
                .encodedPath("/")
                .putRawQueryParameter("DBUser", user)
                .putRawQueryParameter("Action", "connect")
                .build();
        Aws4PresignerParams params = Aws4PresignerParams.builder()
                .signingClockOverride(Clock.fixed(at, ZoneOffset.UTC))
                .expirationTime(at.plus(LIFETIME))
                .awsCredentials(credentials)
                .signingName("rds-db")
                .signingRegion(region)
                .build();
        return Aws4Signer.create().presign(request, params).getUri().toString().substring("https://".length());
    }
}
