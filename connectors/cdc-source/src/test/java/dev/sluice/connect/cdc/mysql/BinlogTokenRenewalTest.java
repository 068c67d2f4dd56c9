package dev.sluice.connect.cdc.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import dev.sluice.connect.cdc.iam.IamAuth;
import dev.sluice.connect.cdc.iam.RdsIamTokens;
import dev.sluice.connect.common.aws.StaticCredentials;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class BinlogTokenRenewalTest {

    private static final IamAuth AUTH = new IamAuth("mydb.abc123.us-east-1.rds.amazonaws.com", 3306, "app",
            Region.US_EAST_1, Optional.of(new StaticCredentials(new Password("AKIDEXAMPLE"),
                    new Password("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))));

    /** The field Debezium's binlog client keeps its password in, read the way the renewal writes it. */
    private static String password(BinaryLogClient client) throws ReflectiveOperationException {
        Field field = BinaryLogClient.class.getDeclaredField("password");
        field.setAccessible(true);
        return (String) field.get(client);
    }

    @Test
    void theBinlogClientsPasswordBecomesAFreshTokenForItsEndpointAndUser() throws Exception {
        var client = new BinaryLogClient(AUTH.host(), AUTH.port(), AUTH.user(), "token-from-the-start");

        new BinlogTokenRenewal(new RdsIamTokens(AUTH), Clock.systemUTC()).renew(client);

        assertThat(password(client))
                .startsWith("mydb.abc123.us-east-1.rds.amazonaws.com:3306/?")
                .contains("Action=connect", "DBUser=app", "X-Amz-Credential=AKIDEXAMPLE%2F")
                .contains("X-Amz-Expires=900", "X-Amz-Signature=");
    }
}
