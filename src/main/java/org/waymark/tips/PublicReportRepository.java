package org.waymark.tips;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface PublicReportRepository extends ListCrudRepository<PublicReport, UUID> {

    boolean existsByReference(String reference);

    List<PublicReport> findAllByOrderByReceivedAtDesc();

    List<PublicReport> findByStatusOrderByReceivedAtDesc(ReportStatus status);
}
