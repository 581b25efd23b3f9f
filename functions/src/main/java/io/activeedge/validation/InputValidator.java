package io.activeedge.validation;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.AwsRegions;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.DistributionSpec;
import io.activeedge.input.DistributionSpec.GeoRestriction;
import io.activeedge.input.HealthCheckSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.input.FailoverSpec;
import io.activeedge.input.TimingSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the provisioning input field by field and returns it with every default filled in (the teardown
 * input, the same file, with {@link #validateForTeardown}).
 * The first problem found is reported as an {@link InvalidInputException} naming the field.
 */
public final class InputValidator {
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/health";
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html: RequestInterval "If you don't
    // specify a value for RequestInterval, the default value is 30 seconds"; FailureThreshold "the default value is three
    // health checks".
    public static final int DEFAULT_REQUEST_INTERVAL = 30;
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;
    public static final String DEFAULT_PRICE_CLASS = "PriceClass_All";
    public static final int DEFAULT_CERTIFICATE_POLL_SECONDS = 15;
    public static final int DEFAULT_CERTIFICATE_TIMEOUT_MINUTES = 120;
    public static final int DEFAULT_DISTRIBUTION_POLL_SECONDS = 30;
    public static final int DEFAULT_DISTRIBUTION_TIMEOUT_MINUTES = 60;
    /** ACM's default quota of names on one certificate. */
    public static final int MAX_ALIASES = 10;
    /**
     * Route 53 allows 10 tags on a health check; active-edge uses up to 6 (app, region, role, Name, and on
     * the switch the last change and what made it, on the gate an operator's hold and where the latency record is).
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeTagsForResource.html (AddTags, at most 10
     * items): "You can add a maximum of 10 tags to a health check or a hosted zone"; ResourceTagSet.Tags holds at most
     * 10. (The Developer Guide's health-checks-tagging page says "Maximum number of tags per resource" is 50.)
     */
    public static final int MAX_USER_TAGS = 4;

    private static final Pattern APP = Pattern.compile("[a-z][a-z0-9-]{0,23}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ZONE_ID = Pattern.compile("(/hostedzone/)?Z[A-Z0-9]{1,32}");
    private static final Pattern API_ID = Pattern.compile("[a-z0-9]{10}");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern LOAD_BALANCER_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?");
    /** Groups: the Region, the type (app, net or gwy). */
    private static final Pattern LOAD_BALANCER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):[0-9]{12}:loadbalancer/([a-z]+)/[A-Za-z0-9-]{1,32}/[0-9a-f]{1,32}");
    /**
     * The tag characters ACM, CloudFront, CloudWatch, API Gateway and Route 53 all accept (their models' TagKey and
     * TagValue patterns), e.g. https://docs.aws.amazon.com/acm/latest/APIReference/API_Tag.html. The route53 model has
     * no pattern; Route 53 documents the same set in
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-tagging.html#health-checks-tagging-restrictions.
     */
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    /**
     * Step Functions ends a Standard execution that reaches 25,000 history events
     * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html, execution history). Each round of a
     * wait loop (Task, Choice, Wait) writes 9 events: TaskStateEntered, TaskScheduled, TaskStarted, TaskSucceeded,
     * TaskStateExited, ChoiceStateEntered, ChoiceStateExited, WaitStateEntered, WaitStateExited.
     */
    public static final int HISTORY_LIMIT = 25_000;
    static final int EVENTS_PER_POLL = 9;
    /** What the rest of an execution may write besides its wait loops: steps, the Map over Regions, retries. */
    static final int EVENTS_BESIDES_WAITING = 3_000;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html: ResourcePath "Maximum length of
    // 255".
    private static final Pattern PATH = Pattern.compile("/[\\x21-\\x7e]{0,254}");
    /** A web ACL for CloudFront: AWS WAF (v2), scope CLOUDFRONT, which lives in us-east-1 under "global/". */
    private static final Pattern WEB_ACL_ARN = Pattern.compile(
            "arn:aws[a-z-]*:wafv2:us-east-1:[0-9]{12}:global/webacl/[A-Za-z0-9_-]{1,128}/[0-9a-f-]{36}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> PRICE_CLASSES = Set.of("PriceClass_100", "PriceClass_200", "PriceClass_All");
    private static final Set<String> GEO_TYPES = Set.of("none", "whitelist", "blacklist");

    public AppSpec validate(AppSpec in) {
        String app = app(in.app());
        String zone = zone(in.zone());
        String hostedZoneId = hostedZoneId(in.hostedZoneId());

        List<String> aliases = aliases(in.aliases(), zone);
        String originDomain = originDomain(required("originDomain", in.originDomain()), zone);
        if (aliases.contains(originDomain)) {
            throw new InvalidInputException("originDomain", "'" + originDomain + "' is also an alias; CloudFront would"
                    + " send requests back to itself. Use a separate name such as api." + zone);
        }
        HealthCheckSpec healthCheck = healthCheck(in.healthCheck());
        List<RegionSpec> regions = regions(in.regions(), healthCheck);

        return new AppSpec(app, zone, hostedZoneId, aliases, originDomain, regions, healthCheck,
                distribution(in.distribution(), app), timing(in.timing()), tags(in.tags()),
                Boolean.TRUE.equals(in.takeOverRecords()), failover(in.failover()));
    }

    /**
     * Checks the teardown input: the same file provisioning reads, of which only {@code app} and {@code zone}
     * are required. The names and Regions it gives are checked as provisioning checks them, the timing gets its
     * defaults, and every other field is passed on as it is.
     */
    public AppSpec validateForTeardown(AppSpec in) {
        String app = app(in.app());
        String zone = zone(in.zone());
        String hostedZoneId = hostedZoneId(in.hostedZoneId());
        List<String> aliases = in.aliases() == null ? null : aliasNames(in.aliases(), zone);
        String originDomain = in.originDomain() == null ? null : originDomain(in.originDomain(), zone);
        List<RegionSpec> regions = new ArrayList<>();
        List<RegionSpec> given = in.regions() == null ? List.of() : in.regions();
        for (int i = 0; i < given.size(); i++) {
            RegionSpec spec = given.get(i);
            regions.add(new RegionSpec(region("regions[" + i + "]", spec), spec.origin(), spec.alarms()));
        }
        return new AppSpec(app, zone, hostedZoneId, aliases, originDomain, List.copyOf(regions), in.healthCheck(),
                in.distribution(), timing(in.timing()), in.tags(), in.takeOverRecords(), in.failover());
    }

    private static String app(String value) {
        String app = required("app", value);
        if (!APP.matcher(app).matches()) {
            throw new InvalidInputException("app", "'" + app + "' must be 1 to 24 lower-case letters, digits or hyphens,"
                    + " starting with a letter (it is part of tags and record identifiers)");
        }
        return app;
    }

    private static String zone(String value) {
        String zone = domain("zone", required("zone", value), false);
        if (!zone.contains(".")) {
            throw new InvalidInputException("zone", "'" + zone + "' is a top-level domain; give the zone you own, e.g. example.com");
        }
        return zone;
    }

    private static String hostedZoneId(String hostedZoneId) {
        if (hostedZoneId != null && !ZONE_ID.matcher(hostedZoneId).matches()) {
            throw new InvalidInputException("hostedZoneId", "'" + hostedZoneId + "' is not a Route 53 hosted zone id (Z...)");
        }
        return hostedZoneId;
    }

    private static String originDomain(String value, String zone) {
        String originDomain = domain("originDomain", value, false);
        inZone("originDomain", originDomain, zone);
        return originDomain;
    }

    private static List<String> aliases(List<String> aliases, String zone) {
        if (aliases == null || aliases.isEmpty()) {
            throw new InvalidInputException("aliases", "is missing or empty; list the names CloudFront serves, e.g. [\""
                    + zone + "\", \"www." + zone + "\"]");
        }
        if (aliases.size() > MAX_ALIASES) {
            throw new InvalidInputException("aliases", "has " + aliases.size() + " names; one ACM certificate covers at most "
                    + MAX_ALIASES + " unless the account's quota was raised");
        }
        return aliasNames(aliases, zone);
    }

    /** Each alias a name in the zone (a wildcard allowed), none twice. */
    private static List<String> aliasNames(List<String> aliases, String zone) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < aliases.size(); i++) {
            String field = "aliases[" + i + "]";
            String alias = domain(field, required(field, aliases.get(i)), true);
            inZone(field, alias, zone);
            if (out.contains(alias)) {
                throw new InvalidInputException(field, "'" + alias + "' is listed twice");
            }
            out.add(alias);
        }
        return List.copyOf(out);
    }

    private static List<RegionSpec> regions(List<RegionSpec> regions, HealthCheckSpec healthCheck) {
        if (regions == null || regions.isEmpty()) {
            throw new InvalidInputException("regions", "is missing or empty; list at least one Region with its origin");
        }
        Set<String> seen = new HashSet<>();
        List<RegionSpec> out = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            String field = "regions[" + i + "]";
            RegionSpec spec = regions.get(i);
            String region = region(field, spec);
            if (!seen.add(region)) {
                throw new InvalidInputException(field + ".region", "'" + region + "' is listed twice; each Region serves once");
            }
            out.add(new RegionSpec(region, origin(field + ".origin", region, spec.origin(), healthCheck),
                    alarms(field + ".alarms", spec.alarms())));
        }
        return List.copyOf(out);
    }

    /** The Region code of {@code regions[i]}, in lower case: one that Route 53 latency routing serves. */
    private static String region(String field, RegionSpec spec) {
        if (spec == null) {
            throw new InvalidInputException(field, "is null; expected {\"region\": ..., \"origin\": ...}");
        }
        String region = required(field + ".region", spec.region()).toLowerCase(Locale.ROOT);
        // AwsRegions.LATENCY_ROUTING: codes from the ResourceRecordSet Region values in
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html.
        if (!AwsRegions.LATENCY_ROUTING.contains(region)) {
            throw new InvalidInputException(field + ".region", "'" + spec.region()
                    + "' is not an AWS Region that Route 53 latency routing serves");
        }
        return region;
    }

    private static OriginSpec origin(String field, String region, OriginSpec origin, HealthCheckSpec healthCheck) {
        if (origin == null) {
            throw new InvalidInputException(field, "is missing; give {\"apiGateway\": {\"apiId\", \"stage\"}},"
                    + " {\"loadBalancer\": {\"arn\" or \"name\"}} or {\"dnsName\", \"hostedZoneId\"} of a ready alias target");
        }
        boolean api = origin.apiGateway() != null;
        boolean balancer = origin.loadBalancer() != null;
        boolean alias = origin.dnsName() != null || origin.hostedZoneId() != null;
        if ((api ? 1 : 0) + (balancer ? 1 : 0) + (alias ? 1 : 0) != 1) {
            throw new InvalidInputException(field, "give exactly one of apiGateway, loadBalancer or dnsName + hostedZoneId");
        }
        String checkPath = origin.healthCheckPath() == null ? null : path(field + ".healthCheckPath", origin.healthCheckPath());
        String checkDomain = origin.healthCheckDomain() == null ? null
                : domain(field + ".healthCheckDomain", origin.healthCheckDomain(), false);
        if (api) {
            String apiId = required(field + ".apiGateway.apiId", origin.apiGateway().apiId());
            if (!API_ID.matcher(apiId).matches()) {
                throw new InvalidInputException(field + ".apiGateway.apiId", "'" + apiId
                        + "' is not an API Gateway API id (10 lower-case letters and digits)");
            }
            String stage = required(field + ".apiGateway.stage", origin.apiGateway().stage());
            if (!STAGE.matcher(stage).matches() && !AwsConstants.DEFAULT_HTTP_STAGE.equals(stage)) {
                throw new InvalidInputException(field + ".apiGateway.stage", "'" + stage + "' is not a valid stage name (letters,"
                        + " digits, _ and -, or $default for an HTTP API's default stage)");
            }
            if (checkDomain != null) {
                throw new InvalidInputException(field + ".healthCheckDomain", "is set by active-edge for an API Gateway"
                        + " origin (the API's own execute-api name); leave it out");
            }
            return new OriginSpec(new OriginSpec.ApiGatewayOrigin(apiId, stage), null, null, null, checkPath);
        }
        if (balancer) {
            // The load balancer's DNS name is known once it is found (ValidateInput reads it): the check's domain
            // defaults to it then, and the path to healthCheck.path.
            return new OriginSpec(null, null, null, checkDomain, checkPath,
                    loadBalancer(field + ".loadBalancer", region, origin.loadBalancer()));
        }
        String dnsName = domain(field + ".dnsName", required(field + ".dnsName", origin.dnsName()), false);
        String zoneId = required(field + ".hostedZoneId", origin.hostedZoneId());
        if (!ZONE_ID.matcher(zoneId).matches()) {
            throw new InvalidInputException(field + ".hostedZoneId", "'" + zoneId
                    + "' is not a hosted zone id (the alias target's, e.g. Z35SXDOTRQ7X7K for an ALB in us-east-1)");
        }
        return new OriginSpec(null, dnsName, zoneId, checkDomain == null ? dnsName : checkDomain,
                checkPath == null ? healthCheck.path() : checkPath);
    }

    /** The syntax of an Application Load Balancer origin; whether it exists is ValidateInput's next read. */
    private static OriginSpec.LoadBalancerOrigin loadBalancer(String field, String region,
                                                              OriginSpec.LoadBalancerOrigin balancer) {
        if ((balancer.arn() == null) == (balancer.name() == null)) {
            throw new InvalidInputException(field, "give exactly one of arn or name of the Application Load Balancer");
        }
        int port = orDefault(balancer.listenerPort(), OriginSpec.DEFAULT_LISTENER_PORT);
        // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html: Port "Valid
        // Range: Minimum value of 1. Maximum value of 65535."
        range(field + ".listenerPort", port, 1, 65535);
        // The distribution has one origin, the latency-routed name, and connects to it on port 443 in every Region
        // (CustomOriginConfig.HTTPSPort: "Specify the HTTPS port that the origin listens on",
        // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html), as API Gateway
        // origins only listen there: a listener on another port would never get CloudFront's requests.
        if (port != OriginSpec.DEFAULT_LISTENER_PORT) {
            throw new InvalidInputException(field + ".listenerPort", "is " + port + "; CloudFront reaches every"
                    + " Region's origin on port " + OriginSpec.DEFAULT_LISTENER_PORT + ", so the load balancer needs its"
                    + " HTTPS listener there (leave listenerPort out, or give " + OriginSpec.DEFAULT_LISTENER_PORT + ")");
        }
        if (balancer.name() != null) {
            String name = balancer.name().trim();
            // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html (Name):
            // "can have a maximum of 32 characters, must contain only alphanumeric characters or hyphens, must not
            // begin or end with a hyphen, and must not begin with "internal-"."
            if (!LOAD_BALANCER_NAME.matcher(name).matches() || name.startsWith("internal-")) {
                throw new InvalidInputException(field + ".name", "'" + balancer.name() + "' is not a load balancer name"
                        + " (1 to 32 letters, digits or inner hyphens, not starting with internal-)");
            }
            return new OriginSpec.LoadBalancerOrigin(null, name, port);
        }
        String arn = balancer.arn().trim();
        java.util.regex.Matcher parts = LOAD_BALANCER_ARN.matcher(arn);
        if (!parts.matches()) {
            throw new InvalidInputException(field + ".arn", "'" + arn + "' is not a load balancer ARN"
                    + " (arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app/NAME/ID)");
        }
        if (!parts.group(1).equals(region)) {
            throw new InvalidInputException(field + ".arn", "the load balancer is in " + parts.group(1) + ", not in "
                    + region + ", the Region of this entry; the latency record of " + region + " must lead to an origin"
                    + " in " + region);
        }
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_elasticloadbalancingv2.html (resource
        // types): loadbalancer/app/ is arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/app/
        // ${LoadBalancerName}/${LoadBalancerId}; a Network Load Balancer's is loadbalancer/net/.
        if (!"app".equals(parts.group(2))) {
            throw new InvalidInputException(field + ".arn", "'" + arn + "' is not an application load balancer (its"
                    + " type is " + parts.group(2) + "/); CloudFront's origin needs an HTTPS listener that serves"
                    + " the Regional certificate by SNI, which only an Application Load Balancer does here");
        }
        return new OriginSpec.LoadBalancerOrigin(arn, null, port);
    }

    private static List<String> alarms(String field, List<String> alarms) {
        if (alarms == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < alarms.size(); i++) {
            String name = required(field + "[" + i + "]", alarms.get(i));
            if (name.length() > 255) {
                throw new InvalidInputException(field + "[" + i + "]", "is longer than 255 characters");
            }
            if (!seen.add(name)) {
                throw new InvalidInputException(field + "[" + i + "]", "'" + name + "' is listed twice");
            }
        }
        return List.copyOf(alarms);
    }

    private static HealthCheckSpec healthCheck(HealthCheckSpec spec) {
        HealthCheckSpec s = spec == null ? new HealthCheckSpec(null, null, null, null) : spec;
        String path = s.path() == null ? DEFAULT_HEALTH_CHECK_PATH : path("healthCheck.path", s.path());
        int interval = s.requestIntervalSeconds() == null ? DEFAULT_REQUEST_INTERVAL : s.requestIntervalSeconds();
        // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html:
        // "you can specify the interval between checks: every 10 seconds or every 30 seconds" (the model: 10 to 30).
        if (interval != 10 && interval != 30) {
            throw new InvalidInputException("healthCheck.requestIntervalSeconds", interval + " is not 10 or 30,"
                    + " the two intervals Route 53 offers");
        }
        int threshold = s.failureThreshold() == null ? DEFAULT_FAILURE_THRESHOLD : s.failureThreshold();
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html: FailureThreshold "Valid
        // Range: Minimum value of 1. Maximum value of 10."
        range("healthCheck.failureThreshold", threshold, 1, 10);
        int port = s.port() == null ? 443 : s.port();
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html: Port "Valid Range: Minimum
        // value of 1. Maximum value of 65535."
        range("healthCheck.port", port, 1, 65535);
        return new HealthCheckSpec(path, interval, threshold, port);
    }

    private static DistributionSpec distribution(DistributionSpec spec, String app) {
        DistributionSpec s = spec == null ? new DistributionSpec(null, null, null, null, null, null) : spec;
        String priceClass = s.priceClass() == null ? DEFAULT_PRICE_CLASS : s.priceClass();
        if (!PRICE_CLASSES.contains(priceClass)) {
            throw new InvalidInputException("distribution.priceClass", "'" + priceClass + "' is not one of " + PRICE_CLASSES);
        }
        String cachePolicy = policy("distribution.cachePolicyId", s.cachePolicyId(), AwsConstants.CACHE_POLICY_CACHING_DISABLED);
        String requestPolicy = policy("distribution.originRequestPolicyId", s.originRequestPolicyId(),
                AwsConstants.ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST);
        GeoRestriction geo = s.geoRestriction() == null ? new GeoRestriction("none", List.of()) : s.geoRestriction();
        String geoType = geo.type() == null ? "none" : geo.type();
        List<String> countries = geo.countries() == null ? List.of() : geo.countries();
        if (!GEO_TYPES.contains(geoType)) {
            throw new InvalidInputException("distribution.geoRestriction.type", "'" + geoType + "' is not one of " + GEO_TYPES);
        }
        if (geoType.equals("none") != countries.isEmpty()) {
            throw new InvalidInputException("distribution.geoRestriction.countries", geoType.equals("none")
                    ? "must be empty when type is none" : "must list at least one country for " + geoType);
        }
        for (int i = 0; i < countries.size(); i++) {
            if (countries.get(i) == null || !COUNTRY.matcher(countries.get(i)).matches()) {
                throw new InvalidInputException("distribution.geoRestriction.countries[" + i + "]", "'" + countries.get(i)
                        + "' is not an ISO 3166-1 alpha-2 code such as US or DE");
            }
        }
        String comment = s.comment() == null ? "active-edge " + app : s.comment();
        if (comment.length() > 128) {
            throw new InvalidInputException("distribution.comment", "is longer than CloudFront's 128 characters");
        }
        String webAcl = s.webAclId();
        if (webAcl != null && webAcl.isBlank()) {
            throw new InvalidInputException("distribution.webAclId", "is blank; leave it out for no web ACL");
        }
        // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html (WebACLId): the
        // ARN of an AWS WAF web ACL; the functions may read (wafv2:GetWebACL) the account's global web ACLs.
        if (webAcl != null && !WEB_ACL_ARN.matcher(webAcl).matches()) {
            throw new InvalidInputException("distribution.webAclId", "'" + webAcl + "' is not the ARN of an AWS WAF"
                    + " web ACL for CloudFront (arn:aws:wafv2:us-east-1:ACCOUNT:global/webacl/NAME/ID)");
        }
        return new DistributionSpec(priceClass, cachePolicy, requestPolicy,
                new GeoRestriction(geoType, List.copyOf(countries)), webAcl, comment);
    }

    private static FailoverSpec failover(FailoverSpec spec) {
        if (spec == null) {
            return FailoverSpec.DEFAULT;
        }
        int minDrain = orDefault(spec.minDrainSeconds(), 0);
        range("failover.minDrainSeconds", minDrain, 0, FailoverSpec.MAX_MIN_DRAIN_SECONDS);
        return new FailoverSpec(minDrain, Boolean.TRUE.equals(spec.dataPlane()));
    }

    private static TimingSpec timing(TimingSpec spec) {
        TimingSpec t = spec == null ? new TimingSpec(null, null, null, null) : spec;
        int certPoll = orDefault(t.certificatePollSeconds(), DEFAULT_CERTIFICATE_POLL_SECONDS);
        range("timing.certificatePollSeconds", certPoll, 1, 3600);
        int certTimeout = orDefault(t.certificateTimeoutMinutes(), DEFAULT_CERTIFICATE_TIMEOUT_MINUTES);
        range("timing.certificateTimeoutMinutes", certTimeout, 1, 4320);
        int distPoll = orDefault(t.distributionPollSeconds(), DEFAULT_DISTRIBUTION_POLL_SECONDS);
        range("timing.distributionPollSeconds", distPoll, 1, 3600);
        int distTimeout = orDefault(t.distributionTimeoutMinutes(), DEFAULT_DISTRIBUTION_TIMEOUT_MINUTES);
        range("timing.distributionTimeoutMinutes", distTimeout, 1, 4320);
        fitsExecutionHistory(certPoll, certTimeout, distPoll, distTimeout);
        return new TimingSpec(certPoll, certTimeout, distPoll, distTimeout);
    }

    /** Rounds of a wait loop that polls every {@code pollSeconds} until {@code timeoutMinutes} have passed. */
    static long polls(int pollSeconds, int timeoutMinutes) {
        return (timeoutMinutes * 60L + pollSeconds - 1) / pollSeconds + 1;
    }

    /**
     * Both wait loops together, at their deadlines, must leave the execution under Step Functions' history limit;
     * the message names the poll interval to raise, and by how much.
     */
    private static void fitsExecutionHistory(int certPoll, int certTimeout, int distPoll, int distTimeout) {
        long budget = (HISTORY_LIMIT - EVENTS_BESIDES_WAITING) / EVENTS_PER_POLL;
        long certPolls = polls(certPoll, certTimeout);
        long distPolls = polls(distPoll, distTimeout);
        if (certPolls + distPolls <= budget) {
            return;
        }
        boolean certificates = certPolls >= distPolls;
        String field = certificates ? "timing.certificatePollSeconds" : "timing.distributionPollSeconds";
        String other = certificates ? "timing.distributionPollSeconds" : "timing.certificatePollSeconds";
        int timeout = certificates ? certTimeout : distTimeout;
        long otherPolls = certificates ? distPolls : certPolls;
        // This loop gets what the other leaves, but at least half: the other may need raising too.
        long share = budget - Math.min(otherPolls, budget / 2);
        long needed = (timeout * 60L + share - 2) / (share - 1);
        throw new InvalidInputException(field, (certificates ? certPoll : distPoll) + " s with a "
                + (certificates ? "timing.certificateTimeoutMinutes" : "timing.distributionTimeoutMinutes") + " of "
                + timeout + " could poll " + (certificates ? certPolls : distPolls) + " times; with the other wait, the"
                + " execution could pass Step Functions' limit of " + HISTORY_LIMIT + " history events. Poll every "
                + needed + " s or more, or shorten the timeout"
                + (otherPolls > budget / 2 ? "; " + other + " is too frequent for its timeout as well" : "") + ".");
    }

    private static Map<String, String> tags(Map<String, String> tags) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > MAX_USER_TAGS) {
            throw new InvalidInputException("tags", "has " + tags.size() + " tags; Route 53 health checks take at most "
                    + MAX_USER_TAGS + " besides active-edge's own");
        }
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach((key, value) -> {
            String field = "tags." + key;
            if (key.isBlank() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
                throw new InvalidInputException(field, "a tag key must be 1 to 128 letters, digits, spaces or _ . : / = + - @");
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith("aws:") || lower.startsWith("active-edge:") || lower.equals("name")) {
                throw new InvalidInputException(field, "is reserved (aws:, active-edge: and Name are set by active-edge)");
            }
            if (value == null || value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
                throw new InvalidInputException(field, "a tag value must be at most 256 letters, digits, spaces or"
                        + " _ . : / = + - @ (what ACM, CloudFront, CloudWatch and Route 53 all accept)");
            }
            out.put(key, value);
        });
        return out;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value.trim();
    }

    /** A lower-case DNS name without trailing dot; {@code wildcard} allows a leading "*.". */
    private static String domain(String field, String value, boolean wildcard) {
        String name = value.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String check = wildcard && name.startsWith("*.") ? name.substring(2) : name;
        if (name.length() > 253 || check.isEmpty()) {
            throw new InvalidInputException(field, "'" + value + "' is not a domain name");
        }
        for (String label : check.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException(field, "'" + value + "' is not a domain name (label '" + label
                        + "' must be 1 to 63 letters, digits or inner hyphens)");
            }
        }
        return name;
    }

    private static void inZone(String field, String name, String zone) {
        if (!name.equals(zone) && !name.endsWith("." + zone)) {
            throw new InvalidInputException(field, "'" + name + "' is outside the zone " + zone
                    + "; every name must be the zone itself or a name under it");
        }
    }

    private static String path(String field, String value) {
        if (!PATH.matcher(value).matches()) {
            throw new InvalidInputException(field, "'" + value + "' must start with / and be at most 255 printable"
                    + " characters without spaces");
        }
        return value;
    }

    private static String policy(String field, String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!UUID.matcher(value).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not a CloudFront policy id (a UUID)");
        }
        return value;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, value + " is outside " + min + " to " + max);
        }
    }
}
