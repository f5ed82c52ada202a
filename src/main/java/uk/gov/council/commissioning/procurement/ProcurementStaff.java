package uk.gov.council.commissioning.procurement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Procurement's endpoints are for procurement staff, commissioning officers, contracts managers and
 * administrators; never for a provider's users, who are bidders.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize(
    "@access.staffIn(authentication, 'procurement', 'procurement-leads',"
        + " 'commissioning-officers', 'contracts-managers')")
@interface ProcurementStaff {}
