package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailoverTagsTest {
    @Test
    void value_alarmNameWithCharactersRoute53Refuses_replacesThem() {
        assertThat(FailoverTags.value("shop (5xx) > 10%, us-east-1")).isEqualTo("shop _5xx_ _ 10__ us-east-1");
    }

    @Test
    void value_allowedCharacters_keptAsTheyAre() {
        assertThat(FailoverTags.value("shop-us-east-1_5xx:p99/api=a+b@c.d")).isEqualTo("shop-us-east-1_5xx:p99/api=a+b@c.d");
    }

    @Test
    void value_longerThanRoute53Allows_isCut() {
        assertThat(FailoverTags.value("a".repeat(300))).hasSize(FailoverTags.MAX_VALUE);
    }
}
