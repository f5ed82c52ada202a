package uk.gov.council.commissioning.meetings;

import java.util.List;
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
}
