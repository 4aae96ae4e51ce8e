package dev.lectavera.document.rest;

import dev.lectavera.document.service.QuotaService.Report;

/** The caller's storage against the quota. */
public record UsageView(long bytesUsed, long bytesQuota, long documents, long documentsQuota) {

    static UsageView of(Report report) {
        return new UsageView(report.bytesUsed(), report.bytesQuota(), report.documents(), report.documentsQuota());
    }
}
