package io.activeedge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void fqdn_mixedCaseWithoutDot_lowerCaseWithDot() {
        assertEquals("www.example.com.", Names.fqdn("WWW.Example.com"));
    }

    @Test
    void sameName_route53EscapedWildcard_matchesPlainWildcard() {
        assertTrue(Names.sameName("\\052.example.com.", "*.example.com"));
    }

    @Test
    void zoneId_pathForm_bareId() {
        assertEquals("Z123", Names.zoneId("/hostedzone/Z123"));
    }
}
