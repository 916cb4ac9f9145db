package org.waymark.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.bearer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The JSON API over real HTTP, on H2 and on PostgreSQL: Waymark on a random port with a first
 * administrator, whose token {@link #given} makes what a test needs; each test class with a
 * database of its own. A class adds properties with {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.admin.email=" + ApiTests.ADMIN, "waymark.admin.password=" + ApiTests.PASSWORD })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTests extends DatabaseTests {

    public static final String ADMIN = "first.admin@waymark.test";
    public static final String PASSWORD = ApiFixtures.PASSWORD;

    @LocalServerPort
    protected int port;

    protected ApiClient api;
    /** The administrator's bearer token. */
    protected String admin;
    protected ApiFixtures given;
    /**
     * The callers a test names, by name, as bearer tokens: {@link #forcesWith} puts them here,
     * with the administrator as "admin".
     */
    protected final Map<String, String> as = new LinkedHashMap<>();

    @BeforeAll
    protected void signInTheAdministrator() {
        api = new ApiClient(port);
        admin = bearer(api.token(ADMIN, PASSWORD));
        given = new ApiFixtures(api, admin);
    }

    /**
     * The agencies of most API tests ({@link ApiFixtures#forces}), with these callers of them
     * ({@link ApiFixtures#callers}) and the administrator, as "admin", in {@link #as}.
     */
    protected ApiFixtures.Forces forcesWith(String... callers) {
        ApiFixtures.Forces forces = given.forces();
        as.putAll(given.callers(forces, callers));
        as.put("admin", admin);
        return forces;
    }

    /** That the answer is problem JSON with this status, naming this field among its errors (unless null). */
    protected static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsString("field")).as(response.raw().body())
                    .contains(field);
        }
    }
}
