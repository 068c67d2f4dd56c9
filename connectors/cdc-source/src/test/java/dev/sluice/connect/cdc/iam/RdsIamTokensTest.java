package dev.sluice.connect.cdc.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.common.aws.StaticCredentials;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import software.amazon.awssdk.regions.Region;

class RdsIamTokensTest {

    private static final String HOST = "orders.abc123xyz.eu-west-1.rds.amazonaws.com";

    private static IamAuth auth(String keyId) {
        return new IamAuth(HOST, 5432, "cdc_user", Region.EU_WEST_1, Optional.of(new StaticCredentials(
                new Password(keyId), new Password("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))));
    }

    private static Map<String, String> query(String token) {
        return Arrays.stream(URI.create("https://" + token).getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    @Test
    void aTokenIsAPresignedConnectRequestForTheUserSignedWithTheGivenKey() {
        String token = new RdsIamTokens(auth("AKIDEXAMPLE")).token();

        assertThat(token).startsWith(HOST + ":5432/?");
        Map<String, String> query = query(token);
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(query).containsEntry("Action", "connect")
                .containsEntry("DBUser", "cdc_user")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("X-Amz-Expires", "900")
                .containsEntry("X-Amz-SignedHeaders", "host");
        assertThat(query.get("X-Amz-Credential"))
                .isIn("AKIDEXAMPLE%2F" + today + "%2Feu-west-1%2Frds-db%2Faws4_request",
                        // a run at midnight UTC
                        "AKIDEXAMPLE%2F" + LocalDate.now(ZoneOffset.UTC).minusDays(1)
                                .format(DateTimeFormatter.BASIC_ISO_DATE) + "%2Feu-west-1%2Frds-db%2Faws4_request");
        assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
    }

    @Test
    void theRegionComesFromAnRdsEndpointsName() {
        assertThat(IamAuth.regionOf(HOST)).contains(Region.EU_WEST_1);
        assertThat(IamAuth.regionOf("db.cluster-ro-abc.us-gov-west-1.rds.amazonaws.com"))
                .contains(Region.US_GOV_WEST_1);
        assertThat(IamAuth.regionOf("mydb.c9akciq32.cn-north-1.rds.amazonaws.com.cn")).contains(Region.CN_NORTH_1);
        assertThat(IamAuth.regionOf("localhost")).isEmpty();
    }

    @Test
    void theDriversPluginAnswersWithATokenOfTheRegisteredMaker() throws PSQLException {
        var info = new Properties();
        info.setProperty(RdsIamAuthenticationPlugin.KEY_PROPERTY, IamTokenRegistry.register(auth("AKIDPLUGIN")));

        String password = new String(new RdsIamAuthenticationPlugin(info)
                .getPassword(AuthenticationRequestType.CLEARTEXT_PASSWORD));

        assertThat(query(password).get("X-Amz-Credential")).startsWith("AKIDPLUGIN%2F");
    }

    @Test
    void theKeyOfTheSettingsNamesNoSecretAndDiffersWithTheSecret() {
        IamAuth one = auth("AKIDEXAMPLE");
        IamAuth other = new IamAuth(HOST, 5432, "cdc_user", Region.EU_WEST_1, Optional.of(new StaticCredentials(
                new Password("AKIDEXAMPLE"), new Password("another-secret"))));

        assertThat(one.key()).isEqualTo(auth("AKIDEXAMPLE").key()).isNotEqualTo(other.key())
                .doesNotContain("AKIDEXAMPLE");
    }

    @Test
    void anUnregisteredKeyIsRefusedWithAMessage() {
        var info = new Properties();
        info.setProperty(RdsIamAuthenticationPlugin.KEY_PROPERTY, "no-such-key");

        assertThatThrownBy(() -> new RdsIamAuthenticationPlugin(info)
                .getPassword(AuthenticationRequestType.CLEARTEXT_PASSWORD))
                .isInstanceOf(PSQLException.class)
                .hasMessageContaining("No RDS IAM token maker is registered");
    }
}
