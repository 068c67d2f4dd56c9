package dev.sluice.connect.cdc.iam;

import dev.sluice.connect.common.aws.StaticCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * What an RDS IAM authentication token is made for: the database endpoint and port, the database user, the region
 * the instance is in, and the credentials that sign it (static ones, or the default AWS chain when empty).
 */
public record IamAuth(String host, int port, String user, Region region, Optional<StaticCredentials> credentials) {

    /** RDS endpoints name their region: {@code <instance>.<id>.<region>.rds.amazonaws.com} (or {@code .com.cn}). */
    private static final Pattern RDS_ENDPOINT = Pattern.compile(
            "^[^.]+\\.[^.]+\\.([a-z]{2}(?:-[a-z]+)+-\\d)\\.rds\\.amazonaws\\.com(?:\\.cn)?$");

    /** The region in an RDS endpoint's name, if it is one. */
    public static Optional<Region> regionOf(String host) {
        Matcher matcher = RDS_ENDPOINT.matcher(host.toLowerCase(java.util.Locale.ROOT));
        return matcher.matches() ? Optional.of(Region.of(matcher.group(1))) : Optional.empty();
    }

    /**
     * A name for these settings that is the same wherever and however often they are parsed, and that gives away
     * nothing of the secret key (a SHA-256 over all of them).
     */
    String key() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {host, String.valueOf(port), user, region.id(),
                    credentials.map(c -> c.accessKeyId().value()).orElse(""),
                    credentials.map(c -> c.secretAccessKey().value()).orElse("")}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
