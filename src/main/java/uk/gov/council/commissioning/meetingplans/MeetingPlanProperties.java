package uk.gov.council.commissioning.meetingplans;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The improvement plan after a contract management meeting, {@code
 * commissioning.meetings.improvement-plan} (seed 001 Part 3.1 §5). The seed sets no time for
 * writing the plan nor for the council's answers: these are the council's choice.
 *
 * @param planWorkingDays the provider writes the plan (and each rework) within this many working
 *     days
 * @param agreeWorkingDays the council agrees the plan or sends it back within this many working
 *     days
 * @param validateWorkingDays the council validates an action the provider says is complete within
 *     this many working days ("It would not be necessary to wait for the next Contract Management
 *     Meeting")
 * @param chaseWorkingDays the contracts managers chase an overdue action within this many working
 *     days
 */
@Validated
@ConfigurationProperties("commissioning.meetings.improvement-plan")
public record MeetingPlanProperties(
    @Positive(
            message =
                "commissioning.meetings.improvement-plan.plan-working-days must be at least 1")
        @DefaultValue("20")
        int planWorkingDays,
    @Positive(
            message =
                "commissioning.meetings.improvement-plan.agree-working-days must be at least 1")
        @DefaultValue("10")
        int agreeWorkingDays,
    @Positive(
            message =
                "commissioning.meetings.improvement-plan.validate-working-days must be at least 1")
        @DefaultValue("10")
        int validateWorkingDays,
    @Positive(
            message =
                "commissioning.meetings.improvement-plan.chase-working-days must be at least 1")
        @DefaultValue("5")
        int chaseWorkingDays) {}
