package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.extension.FakeScopes.Variables;

/** The comments a returned report carries back to the officer (seed 000 §10.2: both agreements). */
class AgreementCommentsTest {

  private final AgreementComments comments = new AgreementComments();

  @Test
  void bothCommentsAreCollectedSayingWhoSaidWhat() {
    Variables vars =
        agreement("RETURN", " Add the 2019 KPI figures ", "RETURN", "Show the price comparison");
    vars.process.put("draftNumber", 1);

    comments.collect(FakeScopes.execution("case-1", vars));

    assertThat(vars.process.get("returnComments"))
        .isEqualTo(
            "Chief Officer (RETURN): Add the 2019 KPI figures\n\n"
                + "Assistant Director Governance & Contracts (RETURN): Show the price comparison");
    assertThat(vars.process).containsEntry("draftNumber", 2);
  }

  @Test
  void commentsShowAsTypedNotAsMarkup() {
    Variables vars =
        agreement("RETURN", "See <img src=x onerror=alert(1)> [this](http://x)", "AGREE", "");

    comments.collect(FakeScopes.execution("case-1", vars));

    // The gateway report form renders returnComments as Markdown: the comment must stay text.
    assertThat(vars.process.get("returnComments"))
        .isEqualTo(
            "Chief Officer (RETURN): See \\<img src\\=x onerror\\=alert\\(1\\)\\> \\[this\\]\\(http\\://x\\)");
  }

  @Test
  void anAgreerWhoSaidNothingIsLeftOut() {
    Variables vars = agreement("AGREE", "   ", "RETURN", "Show the price comparison");
    vars.process.put("draftNumber", 2);

    comments.collect(FakeScopes.execution("case-1", vars));

    assertThat(vars.process.get("returnComments"))
        .isEqualTo("Assistant Director Governance & Contracts (RETURN): Show the price comparison");
    assertThat(vars.process).containsEntry("draftNumber", 3);
  }

  @Test
  void noCommentsAtAllLeaveAnEmptyText() {
    Variables vars = agreement("RETURN", null, "AGREE", "");

    comments.collect(FakeScopes.execution("case-1", vars));

    assertThat(vars.process).containsEntry("returnComments", "");
  }

  @Test
  void aMissingDraftNumberCountsAsTheFirstDraft() {
    Variables vars = agreement("RETURN", "Redo", "AGREE", "");
    vars.process.put("draftNumber", 3L);

    comments.collect(FakeScopes.execution("case-1", vars));
    assertThat(vars.process).containsEntry("draftNumber", 4);

    vars.process.remove("draftNumber");
    comments.collect(FakeScopes.execution("case-1", vars));
    assertThat(vars.process).containsEntry("draftNumber", 2);
  }

  private static Variables agreement(
      String chiefOfficer,
      String chiefOfficerComments,
      String governance,
      String governanceComments) {
    Map<String, Object> v = new HashMap<>();
    v.put("chiefOfficerDecisionMade", chiefOfficer);
    v.put("chiefOfficerCommentsMade", chiefOfficerComments);
    v.put("governanceDecisionMade", governance);
    v.put("governanceCommentsMade", governanceComments);
    return Variables.of(v);
  }
}
