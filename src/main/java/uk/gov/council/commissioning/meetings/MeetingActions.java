package uk.gov.council.commissioning.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The actions a meeting's minutes recorded, for the capabilities that follow them up. */
@Service
@RequiredArgsConstructor
public class MeetingActions {

  private final MeetingCaseRegister register;

  /** The meeting's actions in the order they were recorded; none before its minutes. */
  @Transactional(readOnly = true)
  public List<MeetingAction> of(long meetingId) {
    return register.actions(meetingId);
  }

  /**
   * Every recorded action whose target date is before {@code day}, by meeting number (oldest target
   * first): the caller decides which of them are still outstanding and who may see them.
   */
  @Transactional(readOnly = true)
  public Map<Long, List<MeetingAction>> pastTarget(LocalDate day) {
    return register.actionsPastTarget(day);
  }
}
