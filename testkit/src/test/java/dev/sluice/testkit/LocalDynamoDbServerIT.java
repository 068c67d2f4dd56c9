package dev.sluice.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DynamoDB stand-in answers the AWS SDK v2 client as DynamoDB does for what the DynamoDB sink uses. */
class LocalDynamoDbServerIT {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(SluiceTestEnvironment.get().dynamoDb().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void tablesItemsBatchesAndConditionsBehaveAsInDynamoDb() {
        dynamo.createTable(b -> b.tableName("stand-in-orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        assertThat(dynamo.describeTable(b -> b.tableName("stand-in-orders")).table().tableStatusAsString())
                .isEqualTo("ACTIVE");

        dynamo.batchWriteItem(b -> b.requestItems(Map.of("stand-in-orders", java.util.List.of(
                put(Map.of("id", s("a"), "amount", n("12.50"))), put(Map.of("id", s("b"), "amount", n("3")))))));
        assertThat(dynamo.scan(b -> b.tableName("stand-in-orders")).count()).isEqualTo(2);
        // numbers come back normalised, as DynamoDB returns them
        assertThat(dynamo.getItem(b -> b.tableName("stand-in-orders").key(Map.of("id", s("a")))).item()
                .get("amount").n()).isEqualTo("12.5");

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("stand-in-orders")
                .item(Map.of("id", s("a"))).conditionExpression("attribute_not_exists(id)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("stand-in-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static software.amazon.awssdk.services.dynamodb.model.WriteRequest put(Map<String, AttributeValue> item) {
        return software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                .putRequest(p -> p.item(item)).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
