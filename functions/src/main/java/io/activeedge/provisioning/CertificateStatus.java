package io.activeedge.provisioning;

import java.util.List;

/** Whether every certificate is ISSUED; {@code pending} lists "region arn status" for the others. */
public record CertificateStatus(boolean issued, List<String> pending) {
}
