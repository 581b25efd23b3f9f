package io.activeedge.routing;

import java.util.Locale;

/** DNS name handling shared by every step that reads or writes records. */
public final class Names {
    private Names() {
    }

    /** Lower case with the trailing dot Route 53 uses in its answers. */
    public static String fqdn(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    /** Lower case without the trailing dot, as ACM and CloudFront write names. */
    public static String bare(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** "Z123" from "/hostedzone/Z123" or "Z123". */
    public static String zoneId(String id) {
        return id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
    }

    /** Route 53 escapes '*' as \052 in answers; compare names in one spelling. */
    public static boolean sameName(String a, String b) {
        return unescaped(a).equals(unescaped(b));
    }

    /** As {@link #fqdn}, with Route 53's \052 written back as '*': how a name reads in a message. */
    public static String unescaped(String name) {
        return fqdn(name.replace("\\052", "*"));
    }
}
