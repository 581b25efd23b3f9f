package io.activeedge.core;

/** Fixed values published by AWS. One place for each. */
public final class AwsConstants {
    /** Hosted zone id of every CloudFront distribution, for alias records. */
    public static final String CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";
    /** CloudFront only accepts ACM certificates from this Region. */
    public static final String CLOUDFRONT_CERTIFICATE_REGION = "us-east-1";
    /** Managed cache policy "CachingDisabled". */
    public static final String CACHE_POLICY_CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** Managed origin request policy "AllViewerExceptHostHeader": the origin sees its own Host name. */
    public static final String ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    public static final String VIEWER_MIN_PROTOCOL = "TLSv1.2_2021";
    public static final String SSL_SUPPORT_METHOD = "sni-only";
    public static final String HTTP_VERSION = "http2and3";
    /** The HTTP API stage served at the root of the API, without a stage segment in the path. */
    public static final String DEFAULT_HTTP_STAGE = "$default";

    private AwsConstants() {
    }
}
