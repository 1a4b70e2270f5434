package io.mcpgov.registry.support;

import static io.restassured.RestAssured.given;

/** Reads the registry's Prometheus counters. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of a counter's series with the given {@code result} tag, e.g. {@code registry_read_cache_total}. */
    public static double count(String counter, String result) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(counter + "{") && l.contains("result=\"" + result + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
