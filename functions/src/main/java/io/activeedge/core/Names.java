package io.activeedge.core;

import java.util.Locale;

/** DNS name handling shared by every step that reads or writes records. */
public final class Names {
    private Names() {
    }

    /**
     * Lower case with the trailing dot Route 53 uses in its answers.
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html (Name): "Route 53 treats
     * www.example.com (without a trailing dot) and www.example.com. (with a trailing dot) as identical";
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html: "Amazon Route 53 stores
     * alphabetic characters as lowercase letters (a-z), regardless of how you specify them".
     */
    public static String fqdn(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    /** Lower case without the trailing dot, as ACM and CloudFront write names. */
    public static String bare(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /**
     * "Z123" from "/hostedzone/Z123" or "Z123" (the route53 model's GetHostedZone example answers
     * "Id": "/hostedzone/Z3M3LMPEXAMPLE").
     */
    public static String zoneId(String id) {
        return id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
    }

    /**
     * Route 53 escapes '*' as \052 in answers; compare names in one spelling.
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html: "If the domain name includes any
     * characters other than a to z, 0 to 9, - (hyphen), or _ (underscore), Route 53 API actions return the characters
     * as escape codes" ('*' is octal 052). Input names hold only a-z, 0-9, '-' and a leading "*.", so '*' is the one.
     */
    public static boolean sameName(String a, String b) {
        return unescaped(a).equals(unescaped(b));
    }

    /** As {@link #fqdn}, with Route 53's \052 written back as '*': how a name reads in a message. */
    public static String unescaped(String name) {
        return fqdn(name.replace("\\052", "*"));
    }
}
