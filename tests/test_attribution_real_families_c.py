"""Attribution families read on the development outlets of the real-copy gold set (third
set, 2026-12-07): each test is our own sentence in the construction of a real one."""

from __future__ import annotations

import pytest
from attrutil import attr, by_quote

LEAD = "Talks resumed in the capital on Monday.\n\n"


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # a bare noun with a prepositional phrase opens the clause after "said"
        ("Kuleba said support for his country from its allies is “too slow” and left.", "support for his"),
        ("Lavrov said talks on the status of Crimea were not on the agenda.", "talks on the status"),
        ("Officials said aid for the region from the EU had been delayed.", "aid for the region"),
        # a possessive opens the subject: "said yesterday’s call ... was"
        ("Orr said yesterday’s call to lift the rate was fully expected by markets.", "yesterday’s call"),
        ("The union said next Tuesday’s strike, a series of stoppages, was going ahead.", "next Tuesday’s"),
    ],
)
def test_a_bare_noun_with_a_prepositional_phrase_opens_a_clause(text: str, starts: str) -> None:
    by_quote(attr(LEAD + text), starts)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said goodbye to his staff on Friday.",
        "The minister said thanks to the team who had worked hard.",
        "She said sorry for the delay.",
        "He said yes to the plan.",
    ],
)
def test_set_phrases_after_said_open_no_clause(text: str) -> None:
    assert attr(LEAD + text).empty


def test_a_manner_adverb_before_the_verb_is_not_the_speaker() -> None:
    row = by_quote(
        attr(LEAD + "Asked about the east, he frankly admitted it is hard to win back some towns."),
        "it is hard",
    )
    assert row["speaker"] == "he"


def test_an_ally_is_still_a_speaker() -> None:
    row = by_quote(attr(LEAD + "A close ally said the minister would resign by Friday."), "the minister")
    assert row["speaker"] == "A close ally"


def test_underscored_reports_speech_and_the_name_before_a_relative_clause_speaks() -> None:
    text = (
        "Kuleba, who continues to see EU membership as vital for the country’s future, underscored "
        "that the talks have reached a “difficult stage.”"
    )
    row = by_quote(attr(LEAD + text), "the talks have")
    assert (row["speaker"], row["verb"]) == ("Kuleba", "underscored")


def test_a_thing_that_underscores_is_evidence_not_a_source() -> None:
    text = "The quiet support from Beijing underscores a joint effort to weaken the established order."
    assert attr(LEAD + text).empty


def test_a_name_before_which_is_the_speaker_and_the_relative_clause_ends_at_its_comma() -> None:
    text = (
        "Beijing, which says it is a neutral party in the war, announced on Friday it would attend "
        "the talks in Jeddah."
    )
    row = by_quote(attr(LEAD + text), "it is a neutral")
    assert (row["speaker"], row["verb"]) == ("Beijing", "says")
    assert "announced" not in row["quote"]


def test_a_report_before_which_is_still_the_report() -> None:
    row = by_quote(
        attr(LEAD + "The report by Amnesty International, which said the strike was unlawful, came out."),
        "the strike",
    )
    assert row["speaker"].startswith("The report")


def test_the_speaker_stands_before_an_aside_between_dashes_and_g7_is_a_name() -> None:
    text = (
        "Putin spoke on Monday.\n\nIn a joint statement, the G7 — Canada, France, Germany, Italy, Japan, "
        "the UK and the US — said they would send weapons to Ukraine."
    )
    row = by_quote(attr(LEAD + text), "they would send")
    assert (row["speaker"], row["speaker_name"]) == ("the G7", "G7")


def test_a_participle_after_a_comma_inside_the_closing_quotation_mark_continues_the_speaker() -> None:
    text = (
        "In a statement after the call, Downing Street said: “The leaders agreed that escalation "
        "was in no one's interest,” adding that they would work towards a settlement."
    )
    row = by_quote(attr(LEAD + text), "they would work")
    assert (row["speaker_name"], row["verb"]) == ("Downing Street", "adding")


def test_a_phrase_ending_in_a_subordinator_is_no_speaker() -> None:
    text = (
        "Moscow mocked the prime minister as “confused”, hurling scorn at the West after accusing "
        "Washington of trying to provoke war."
    )
    table = attr(LEAD + text)
    assert not table["quote"].str.contains("confused").any()
    assert by_quote(table, "Washington of")["speaker_name"] == "Moscow"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ukraine is ready to take a non-bloc status if it joins no alliance, Alexander Chaly, a member "
            "of the Ukrainian delegation said.",
            "Alexander Chaly",
        ),
        ("The vote is set for May, Maria Zakharova, the ministry spokeswoman said.", "Maria Zakharova"),
    ],
)
def test_a_name_before_a_role_whose_closing_comma_is_missing_speaks(text: str, name: str) -> None:
    row = attr(LEAD + text).iloc[0]
    assert row["speaker_name"] == name


def test_a_role_after_a_place_is_not_taken_for_a_name() -> None:
    row = by_quote(
        attr(LEAD + "In Kyiv Oblast, a member of the delegation said the talks had stalled."), "the talks"
    )
    assert row["speaker"] == "a member of the delegation"


def test_a_participle_takes_the_role_noun_that_opens_its_sentence() -> None:
    text = (
        "Prime Minister Kyriakos Mitsotakis spoke at the summit on Thursday. The prime minister also "
        "discussed the loss of life and focused on the port city of Mariupol, stating that the "
        "conditions there are a cause for sorrow."
    )
    row = by_quote(attr(LEAD + text), "the conditions")
    assert (row["verb"], row["speaker_name"]) == ("stating", "Kyriakos Mitsotakis")


def test_tweeted_frames_a_quote() -> None:
    row = by_quote(
        attr(LEAD + "“The draft is only the Russian wish list,” Mykhailo Podolyak tweeted."), "The draft"
    )
    assert (row["speaker_name"], row["verb"]) == ("Mykhailo Podolyak", "tweeted")


@pytest.mark.parametrize(
    "text",
    [
        "Putin has repeated that the Ukrainian leader is no longer legitimate, a contention Ukraine rejects.",
        "The blast was staged to stir panic in the city, a claim Moscow denies.",
    ],
)
def test_a_zero_relative_after_the_content_is_no_frame(text: str) -> None:
    table = attr(LEAD + text)
    assert not table["speaker"].str.contains("contention|claim").any()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The talks will resume next week in Istanbul, the spokesman Dmitry Peskov said.", "Dmitry Peskov"),
        ("The talks will resume next week in Istanbul, the daily Kommersant reported.", "Kommersant"),
        (
            "Putin spoke on Monday. The talks will resume next week, the newspaper Izvestia reported.",
            "Izvestia",
        ),
    ],
)
def test_a_name_after_its_common_noun_is_that_name(text: str, name: str) -> None:
    row = by_quote(attr(LEAD + text), "The talks")
    assert row["speaker_name"] == name


def test_according_to_the_heads_of_delegations_is_a_source() -> None:
    text = (
        "Before they adjourned, Kyiv and Moscow agreed to swap 1,000 prisoners each, according to the "
        "heads of both delegations, in what would be their biggest swap."
    )
    row = by_quote(attr(LEAD + text), "Before they")
    assert row["speaker"] == "the heads of both delegations"


def test_a_frame_followed_by_a_long_adjunct_still_frames_the_content_before_it() -> None:
    text = (
        "Ukraine is prepared to declare its neutrality and is open to compromise on the Donbas, "
        "President Volodymyr Zelensky said ahead of a new round of peace talks set to start Tuesday in Istanbul."
    )
    row = attr(LEAD + text).iloc[0]
    assert row["quote"].startswith("Ukraine is prepared") and "ahead of" not in row["quote"]


def test_the_tail_about_the_source_of_according_to_is_not_content() -> None:
    text = (
        "Missing from the agenda are three of Russia's core demands, according to the Financial Times, "
        "citing four people familiar with the talks."
    )
    row = by_quote(attr(LEAD + text), "Missing from")
    assert "citing" not in row["quote"]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "In the interview, Zelenskyy explains to Bret Baier that he believes Ukraine would be a good ally.",
            "he believes",
        ),
        ("The ministry confirmed to Reuters that talks would resume.", "talks would"),
    ],
)
def test_a_hearer_after_to_comes_before_that(text: str, starts: str) -> None:
    by_quote(attr(LEAD + text), starts)


def test_a_deal_that_is_no_hearer() -> None:
    assert attr(LEAD + "Kyiv agreed to a deal that would end the fighting.").empty


def test_a_role_noun_before_who_speaks() -> None:
    text = (
        "‘There has been no decision on this,’ admitted the Ukrainian president, who added that he had "
        "sensed some political will on the subject."
    )
    row = by_quote(attr(LEAD + text), "he had sensed")
    assert row["speaker"] == "the Ukrainian president"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Russia is changing its war goals, the New York Times claims.", "New York Times"),
        ("Talks will resume on Monday, the Jerusalem Post reported.", "Jerusalem Post"),
    ],
)
def test_a_newspaper_name_is_one_organisation(text: str, name: str) -> None:
    row = attr(LEAD + text).iloc[0]
    assert row["speaker_name"] == name


JOINT = (
    "VILNIUS — Prime Ministers Anna Berg of Lithuania, Karl Ozols of Latvia and Maria Tamm of Estonia "
    "said in a statement on Thursday that they would join the declaration.\n\n"
    "“We firmly believe that only NATO membership will deter expansionist Russia,” they said."
)


def test_a_list_of_named_people_is_one_group_speaker_and_they_points_back_to_it() -> None:
    table = attr(LEAD + JOINT)
    group = "Anna Berg, Karl Ozols and Maria Tamm"
    assert by_quote(table, "they would join")["speaker_name"] == group
    row = by_quote(table, "We firmly believe")
    assert (row["speaker"], row["speaker_name"]) == ("they", group)
    assert row["actor"] != "russia"  # never the state named inside the quotation it frames


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In Kyiv, Zelensky and Macron said the talks had stalled.", "Zelensky and Macron"),
        ("Moscow, Beijing and Tehran said the plan was dead.", "Moscow, Beijing and Tehran"),
    ],
)
def test_a_list_speaker_takes_no_single_side_and_no_opening_adverbial(text: str, name: str) -> None:
    row = attr(LEAD + text).iloc[0]
    assert row["speaker_name"] == name and row["actor"] not in ("ukraine", "russia")


def test_a_list_of_one_side_keeps_that_side() -> None:
    row = attr(LEAD + "Sergey Lavrov and Dmitry Peskov said the talks had stalled.").iloc[0]
    assert row["actor"] == "russia"


def test_according_to_a_states_position_is_that_state_not_the_last_person_named() -> None:
    text = (
        LEAD
        + "Borrell said the EU would help. The new pact, according to Ukraine’s position, should replace the old memorandum."
    )
    row = by_quote(attr(text), "The new pact")
    assert (row["speaker_name"], row["actor"]) == ("Ukraine", "ukraine")


@pytest.mark.parametrize(
    "text",
    [
        "As reported, at the summit in Vilnius, Kyiv proposed a new treaty on its air defence.",
        "As expected, after the meeting in Geneva, Moscow suggested a new round of talks.",
        "As reported, at the summit in Vilnius, the Baltic states proposed an air defence plan.",
    ],
)
def test_a_verb_with_an_indefinite_object_frames_no_content_before_it(text: str) -> None:
    assert attr(LEAD + text).empty


def test_a_frame_after_its_content_still_takes_a_time_after_the_verb() -> None:
    row = attr(LEAD + "The talks will resume next week, Peskov said a day later.").iloc[0]
    assert row["speaker"] == "Peskov"


def test_a_quote_in_its_own_paragraph_continues_the_speaker_of_a_paragraph_of_indirect_speech() -> None:
    text = (
        LEAD
        + "Peskov added that Moscow was “finishing the job” but denied it wanted more land.\n\n"
        + "“Ukraine is a state that will live as it wants, and we hope it will choose well.”"
    )
    row = by_quote(attr(text), "Ukraine is a state")
    assert (row["speaker_name"], row["actor"]) == ("Peskov", "russia")


def test_a_present_verb_before_a_possessive_opens_a_clause_after_said() -> None:
    row = attr(LEAD + "The memo said the main hurdle remains Moscow’s demand for a buffer zone.").iloc[0]
    assert row["quote"].startswith("the main hurdle remains")


@pytest.mark.parametrize(
    "text",
    ["Negotiations, he has said, could drag on for months.", "Sanctions, Kuleba said, would stay for years."],
)
def test_a_frame_set_off_by_commas_inside_a_short_plural_subject_frames_the_rest(text: str) -> None:
    row = attr(LEAD + text).iloc[0]
    assert row["quote"].startswith(("could drag on", "would stay"))


@pytest.mark.parametrize(
    "text",
    [
        "At last week’s EU summit in Brussels, the Baltic states pledged new air defence for Kyiv.",
        "Speaking of the new air defence deal with the Nordic states, Kuleba promised quick delivery.",
    ],
)
def test_a_long_opening_phrase_without_a_verb_is_no_content_of_the_frame_after_it(text: str) -> None:
    assert attr(LEAD + text).empty


def test_a_noun_and_a_name_before_a_verb_that_takes_an_object_is_no_frame() -> None:
    assert attr(LEAD + "The peace talks Kuleba mentioned are due to open soon in Geneva.").empty


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Crowds gathered at a school Moscow says hosted a rally of the army.", "hosted a rally"),
        (
            "They rejected a plan that the Financial Times reported was the outline of a deal.",
            "was the outline",
        ),
    ],
)
def test_a_relative_clause_that_lost_its_subject_still_frames_its_content(text: str, starts: str) -> None:
    by_quote(attr(LEAD + text), starts)


@pytest.mark.parametrize(
    ("text", "verb", "starts"),
    [
        (
            "But Zelensky retorted that a full withdrawal was the only way to end the war.",
            "retorted",
            "a full withdrawal",
        ),
        (
            "The document stipulates that talks must be held within three days.",
            "stipulates",
            "talks must be held",
        ),
        ("The document required Kyiv to hold a referendum on the deal.", "required", "Kyiv to hold"),
    ],
)
def test_verbs_of_the_tenth_batch_report_speech(text: str, verb: str, starts: str) -> None:
    row = by_quote(attr(LEAD + text), starts)
    assert row["verb"] == verb


def test_stipulate_takes_no_object_as_speech_and_require_no_bare_noun() -> None:
    assert attr(LEAD + "The treaty stipulated new borders. The job requires patience.").empty


def test_a_relative_clause_and_a_time_between_the_speaker_and_the_verb_are_skipped() -> None:
    row = attr(
        LEAD + "Russia, which began the war in February, on Tuesday announced it will cut its operations."
    ).iloc[0]
    assert (row["speaker"], row["actor"]) == ("Russia", "russia")


def test_a_negated_reporting_verb_reports_no_speech_act() -> None:
    table = attr(
        LEAD + "A source told the paper that the Pentagon is no longer insisting that Kyiv should hold back."
    )
    assert "the Pentagon" not in set(table["speaker"])


def test_a_that_clause_after_a_possessed_noun_belongs_to_the_possessor() -> None:
    table = attr(LEAD + "Zelensky agreed with Russia’s demand that Ukraine will stay out of the bloc.")
    assert list(table["speaker"]) == ["Russia"]


def test_an_infinitive_after_promised_may_open_with_a_quotation_mark() -> None:
    row = attr(
        LEAD + "Putin has promised to “immediately” order a truce if Kyiv pulls back its troops."
    ).iloc[0]
    assert (row["speaker_name"], row["verb"]) == ("Putin", "promised")


def test_a_participle_after_a_comma_and_an_adverb_continues_the_subject() -> None:
    text = LEAD + "Kuleba disputed the reports, reportedly telling the BBC that nothing had happened."
    row = by_quote(attr(text), "nothing had happened")
    assert row["speaker_name"] == "Kuleba"


def test_a_frame_cut_off_before_its_content_is_no_attribution() -> None:
    text = LEAD + "Kenya said the recognition of the regions was a breach of the charter.\n\nAccording to R"
    table = attr(text)
    assert list(table["speaker"]) == ["Kenya"]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_contracted_auxiliary_opens_a_clause_after_said_with_either_apostrophe(apostrophe: str) -> None:
    by_quote(attr(f"{LEAD}Zelensky said Ukraine won{apostrophe}t join the alliance."), "Ukraine won")
    by_quote(attr(f"{LEAD}Peskov said Kyiv hasn{apostrophe}t replied to the offer yet."), "Kyiv hasn")
