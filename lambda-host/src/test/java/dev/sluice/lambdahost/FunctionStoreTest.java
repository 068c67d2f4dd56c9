package dev.sluice.lambdahost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionStoreTest {

    @TempDir
    Path dir;

    private final LambdaHostSettings settings = LambdaHostSettings.defaults();

    @Test
    void listingPagesThroughEveryFunctionInNameOrderOnce() {
        FunctionStore store = store();
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            store.create(function(name));
        }

        List<List<String>> pages = new ArrayList<>();
        String marker = null;
        do {
            FunctionStore.Page page = store.list(marker, 2);
            pages.add(page.functions().stream().map(LambdaFunction::name).toList());
            marker = page.nextMarker();
        } while (marker != null);

        assertThat(pages).containsExactly(List.of("alpha", "bravo"), List.of("charlie", "delta"), List.of("echo"));
    }

    @Test
    void aPageThatEndsTheListHasNoMarker() {
        FunctionStore store = store();
        store.create(function("alpha"));
        store.create(function("bravo"));

        assertThat(store.list(null, 2).nextMarker()).isNull();
        assertThat(store.list(null, 50).functions()).hasSize(2);
        assertThat(store.list(FunctionStore.encodeMarker("alpha"), 50).functions())
                .extracting(LambdaFunction::name).containsExactly("bravo");
    }

    @Test
    void aMarkerThatIsNotOneIsAnInvalidParameter() {
        assertThatThrownBy(() -> store().list("not base64 !", 2)).isInstanceOfSatisfying(LambdaApiException.class,
                e -> assertThat(e.errorType()).isEqualTo("InvalidParameterValueException"));
    }

    @Test
    void aSecondFunctionOfTheSameNameIsAConflict() {
        FunctionStore store = store();
        store.create(function("orders"));

        assertThatThrownBy(() -> store.create(function("orders"))).isInstanceOfSatisfying(LambdaApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Function already exist: orders");
                });
    }

    @Test
    void anUnknownFunctionOrQualifierIsNotFoundNamingItsArn() {
        FunctionStore store = store();
        store.create(function("orders"));

        assertThatThrownBy(() -> store.get(FunctionRef.parse("orders:live")))
                .hasMessage("Function not found: arn:aws:lambda:us-east-1:000000000000:function:orders:live");
        assertThatThrownBy(() -> store.remove(FunctionRef.parse("other")))
                .isInstanceOfSatisfying(LambdaApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void functionsAreReadBackByAStoreOnTheSameFolder() throws IOException {
        FunctionStore store = store();
        LambdaFunction orders = function("orders").withReservedConcurrency(4);
        store.create(orders);
        store.create(function("gone"));
        store.remove(FunctionRef.parse("gone"));
        Files.createDirectories(store.codeDir(orders));

        FunctionStore again = store();
        again.load();

        assertThat(again.find("orders")).contains(orders);
        assertThat(again.find("gone")).isEmpty();
    }

    @Test
    void anUpdateReplacesTheFunction() {
        FunctionStore store = store();
        store.create(function("orders"));

        LambdaFunction updated = store.update(FunctionRef.parse("orders"), f -> f.withReservedConcurrency(2));

        assertThat(updated.reservedConcurrency()).isEqualTo(2);
        assertThat(store.get(FunctionRef.parse("orders"))).isEqualTo(updated);
    }

    private FunctionStore store() {
        return new FunctionStore(dir.resolve("functions"), settings, LambdaApiModel.json());
    }

    private LambdaFunction function(String name) {
        return new LambdaFunction(name, settings.functionArn(name), "java17", "arn:aws:iam::000000000000:role/r",
                "example.Handler::handle", "", 3, 128, Map.of("TABLE", "orders"), Map.of("team", "data"), null,
                "c2hh", 10, "code-1", "2026-01-01T00:00:00.000+0000", "rev-1");
    }
}
