"""Quotes: one row per rule, each a sentence written for the test → (speaker, quote, cue)."""

from __future__ import annotations

import pytest

from diplo_cli.extract import extract
from diplo_cli.extract.quotes import looks_like_title
from diplo_cli.io.sources import make_article


def quotes_of(nlp, text):
    article = make_article("t", "t", text)
    doc = next(iter(nlp.pipe([text])))
    return extract(article, doc).quotes


def direct(nlp, text):
    return [(q.speaker.name if q.speaker else None, q.text, q.cue.text if q.cue else None)
            for q in quotes_of(nlp, text) if q.kind == "direct"]


@pytest.mark.parametrize("words, expect", [
    ("Argo", True), ("The Art of the Deal", True), ("developing successfully", False),
    ("We Are Ready.", False), ("We are ready to work", False),
])
def test_titles_in_quotes_are_not_speech(words, expect):
    assert looks_like_title(words) is expect


# ---- attribution: real model


@pytest.mark.parametrize("text, expect", [
    # cue after the quote, name subject
    ('"We will build the bridge," Finance Minister Sara Lindgren said.',
     [("Sara Lindgren", "We will build the bridge", "said")]),
    # cue before the quote, colon
    ('Foreign Minister Sara Lindgren stated: "The border will stay open."',
     [("Sara Lindgren", "The border will stay open.", "stated")]),
    # pronoun resolved to the nearest salient person
    ('Chancellor Markus Feldmann arrived in Rome on Monday. "We came to listen," he said.',
     [("Markus Feldmann", "We came to listen", "said")]),
    # "For his part, X" switches the speaker
    ('Markus Feldmann praised the plan. For his part, Tomasz Wierzbicki voiced doubts.\n\n'
     '"It is too early to decide," he added.', [("Tomasz Wierzbicki", "It is too early to decide", "added")]),
    # a title as subject resolves to the person
    ('Prime Minister Tomasz Wierzbicki visited the port. "Trade matters to all of us," the prime minister noted.',
     [("Tomasz Wierzbicki", "Trade matters to all of us", "noted")]),
    # a title picks the person who holds it, not just the nearest person
    ('Chancellor Markus Feldmann met Prime Minister Tomasz Wierzbicki. "Energy is our shared task," the chancellor '
     'noted.', [("Markus Feldmann", "Energy is our shared task", "noted")]),
    # a quote over two paragraphs: the first part takes the speaker named after the second
    ('Anna Berg spoke to reporters.\n\n"The first part of what I say.\n\n"And the second part of it," Anna Berg said.',
     [("Anna Berg", "The first part of what I say.", None), ("Anna Berg", "And the second part of it", "said")]),
    # organisation as speaker: no person id, the words as name
    ('"Our doors remain open," the Foreign Ministry said in a statement.',
     [("the Foreign Ministry", "Our doors remain open", "said")]),
    # "went on to say": subject of the governing verb
    ('Markus Feldmann spoke for an hour. "Europe must act together," he went on to say.',
     [("Markus Feldmann", "Europe must act together", "say")]),
    # a quote with no cue continues the previous speaker's paragraph
    ('"We are ready," Markus Feldmann said. "The work starts tomorrow and it will take a year."',
     [("Markus Feldmann", "We are ready", "said"),
      ("Markus Feldmann", "The work starts tomorrow and it will take a year.", None)]),
    # a document speaks for its sender
    ('President Helena Vasconcelos sent a message to the graduates. '
     'The message reads: "You have worked hard for this day."',
     [("Helena Vasconcelos", "You have worked hard for this day.", "reads")]),
    # no cue and no earlier speaker: unattributed, never a random nearby name
    ('Helena Vasconcelos visited the school.\n\nA banner read "Education is the key to the future of our nation."',
     [(None, "Education is the key to the future of our nation.", None)]),
    # the name in apposition to an inverted subject
    ('"The data are clear," said UCL astronomer Angela Costa.',
     [("Angela Costa", "The data are clear", "said")]),
    # the object of a participle clause is not the "he" of the main clause
    ('Prime Minister Omar Haddad took questions. Speaking to Martin Okafor of the BBC, he said, "We acted in time."',
     [("Omar Haddad", "We acted in time.", "said")]),
    # a sentence whose subject is "he" keeps him, though it names a woman in a clause
    ('President Omar Haddad spoke in Cairo. He thanked Denmark, recalling that Prime Minister Mette Lund visited '
     'Egypt.\n\n"We remember our friends," he said.', [("Omar Haddad", "We remember our friends", "said")]),
    # a dash after the closing mark signs the quote
    ('Readers wrote to us.\n“Borders should stay open.” ― Lucia Moreno\n“Trade is what matters.” ― Pavel Novak',
     [("Lucia Moreno", "Borders should stay open.", None), ("Pavel Novak", "Trade is what matters.", None)]),
    # a colon ending the paragraph before introduces the quote
    ('Minister Sara Lindgren said:\n\n"We will not give up the plan."',
     [("Sara Lindgren", "We will not give up the plan.", "said")]),
    # a "not" inside the quotation does not deny the speech verb
    ('"Are we ready? Probably not," Minister Sara Lindgren said.',
     [("Sara Lindgren", "Are we ready? Probably not", "said")]),
    # "the Prime Minister" is the prime minister, not any minister
    ('Finance Minister Lena Brandt met Prime Minister Omar Haddad. Later Brandt left. "We agree," the Prime '
     'Minister said.', [("Omar Haddad", "We agree", "said")]),
    # an office with a demonym picks the person of that country
    ('Japanese Prime Minister Haruto Sato met Indian Prime Minister Ravi Menon. "We are partners," the Japanese '
     'premier added.', [("Haruto Sato", "We are partners", "added")]),
    # "summed up" is a speech verb
    ('"It is time to act," Prime Minister Kiril Ivanov summed up.', [("Kiril Ivanov", "It is time to act", "summed")]),
    # a word inside the quotation is never the subject: the description after it speaks
    ('"My reaction, that was outrageous," the former campaign strategist said.',
     [("the former campaign strategist", "My reaction, that was outrageous", "said")]),
    # ... nor when the name follows the cue
    ('"The campaign is in trouble. Real trouble," said Lena Marsh, a local organiser.',
     [("Lena Marsh", "The campaign is in trouble. Real trouble", "said")]),
    # a person in apposition inside the subject phrase
    ('The director of the Tarvik Health Institute, Dr. Miriam Osei, said of the outbreak, "It will get worse."',
     [("Miriam Osei", "It will get worse.", "said")]),
    # an indefinite official is not the person named before
    ('Minister Sara Lindgren met port staff. "The port will reopen in May," an official from the port authority '
     'said.', [("an official from the port authority", "The port will reopen in May", "said")]),
    # the owner of an office is not its holder
    ('Omar Haddad met Markus Feldmann. "The talks were long and useful for both sides," Haddad\'s spokesman said.',
     [("Haddad's spokesman", "The talks were long and useful for both sides", "said")]),
    # "the President of Russia" picks the president of that country
    ('Vladimir Putin sent a message to President of Bulgaria Rumen Radev. "I hope our ties will grow," the President '
     'of Russia noted.', [("Vladimir Putin", "I hope our ties will grow", "noted")]),
    # a document issued by an office speaks for the office, and "it said" goes on with it
    ("A statement issued by the President's press office said the talks went well. "
     '"The sides agreed to continue the dialogue on energy," it said.',
     [("the President's press office", "The sides agreed to continue the dialogue on energy", "said")]),
    # "the ministry said": the ministry named before
    ('The Chilean Foreign Ministry summoned the envoy. "This is an unacceptable act of interference," the ministry '
     'said.', [("The Chilean Foreign Ministry", "This is an unacceptable act of interference", "said")]),
    # "It added:" after an organisation's statement is that organisation
    ('The Tarvik City Council said the road would close. It added: "Residents will be told of every change."',
     [("The Tarvik City Council", "Residents will be told of every change.", "added")]),
    # "it was noted" is no one
    ('Putin met Xi. It was noted: "The two sides will keep in close touch on all matters."',
     [(None, "The two sides will keep in close touch on all matters.", "noted")]),
    # a release quoting its minister throughout: quotation paragraphs with no cue are the one quoted person's
    ('Trade Minister Jim Harlow leaves for Jakarta today.\n\n"The talks will be hard," Mr Harlow says.\n\n'
     'The minister will also visit Bali.\n\n"Our exporters need better access to the region."',
     [("Jim Harlow", "The talks will be hard", "says"),
      ("Jim Harlow", "Our exporters need better access to the region.", None)]),
    # ... or, when no quotation is attributed, the titled person the release opens with
    ('Prime Minister Helen Marsh visits Wales this week.\n\n"The summit brings together leaders from many '
     'nations."\n\nShe will also meet business leaders.',
     [("Helen Marsh", "The summit brings together leaders from many nations.", None)]),
    # a participle after a name speaks for the name
    ('The ad shows footage of Senator Ana Ruiz asking, "Why are we not fifty points ahead?"',
     [("Ana Ruiz", "Why are we not fifty points ahead?", "asking")]),
    # a quotation that ends its sentence: a speech verb far into the next sentence is not its cue
    ('Sara Lindgren said: "The plan is ready." Later that day, at a press conference, Omar Haddad said the costs '
     'were too high.', [("Sara Lindgren", "The plan is ready.", "said")]),
    # ... nor one whose sentence leads into another quotation
    ('Sara Lindgren said: "The plan is ready." Omar Haddad added: "The costs are too high."',
     [("Sara Lindgren", "The plan is ready.", "said"), ("Omar Haddad", "The costs are too high.", "added")]),
    # a newspaper "reports:" is a speaker like any other
    ('The Tarvik Courier reports:\n\n"Half of the donors gave less than ten dollars."',
     [("The Tarvik Courier", "Half of the donors gave less than ten dollars.", "reports")]),
    # a written text "reads:" as itself
    ('The joint article appeared on Monday. The article reads: "Our nations stand together."',
     [("The article", "Our nations stand together.", "reads")]),
    # ... nor one that reports something of its own
    ('Sara Lindgren said she had "left the party for good." Sources say she will run again.',
     [("Sara Lindgren", "left the party for good.", "said")]),
    # ... but a speech verb at once after it is
    ('"The plan is ready." Omar Haddad said.', [("Omar Haddad", "The plan is ready.", "said")]),
    # a speech verb as the purpose of a noun ("a call to demand") is no speech act
    ('The union issued a call to demand higher pay, "Pay us what we earn."', [(None, "Pay us what we earn.", None)]),
    # a quotation mark glued to the cue before it still gives the quote its cue
    ('Minister Sara Lindgren said:"Our plan is ready."', [("Sara Lindgren", "Our plan is ready.", "said")]),
    # a name that ends the subject's phrase right before the cue is the speaker, however it is parsed
    ('Judge Tomas Araya heard the case. The judge presiding over the trial of the two men, Peter Lindqvist, said, '
     '"The court will rule in May."', [("Peter Lindqvist", "The court will rule in May.", "said")]),
    # ... but not a name before a comma when the subject is another verb's
    ('Omar Haddad spoke after Sara Lindgren. He criticised Lindgren, saying "the plan costs too much."',
     [("Omar Haddad", "the plan costs too much.", "saying")]),
    # a signature on the line below the quotation, with a title and a date
    ('Office of the Spokesperson\n\n“Chile and Peru are close partners in every field of our work.”\n\n'
     '– Secretary Antony J. Blinken, May 28, 2021\n\nThe Secretary will travel to Lima.',
     [("Antony J. Blinken", "Chile and Peru are close partners in every field of our work.", None)]),
    # ... or a described signer
    ('Office of the Spokesperson\n\n“We applaud the people of Tarvik for their courage.”\n\n'
     '– Joint statement of Chile and Peru, March 11, 2021\n\nThe envoy will travel to Lima.',
     [("Joint statement of Chile and Peru", "We applaud the people of Tarvik for their courage.", None)]),
    # a quotation inside a sentence with no speech verb: the named subject of the verb it hangs under
    ('Sara Lindgren met the press. Interior Minister Omar Haddad called the attack "an act of senseless '
     'cruelty."', [("Omar Haddad", "an act of senseless cruelty.", None)]),
    # ... not a quoted clause, whose subject is inside the sentence it quotes
    ('The court found that the plan of Omar Haddad "was made for the wrong reasons and is not lawful."',
     [(None, "was made for the wrong reasons and is not lawful.", None)]),
    # a subject after the cue that the parser splits at a hyphen: the name in it speaks
    ('"The ice is thinning fast," said study co-author Sara Lindgren.',
     [("Sara Lindgren", "The ice is thinning fast", "said")]),
    # a quotation after a colon, with no speech verb, gives the words of the named subject before the colon
    ('Sara Lindgren spoke first. Governor Omar Haddad, in his budget address, offered to cut taxes: "Every family '
     'will pay less next year."', [("Omar Haddad", "Every family will pay less next year.", None)]),
    # ... not an unnamed subject's
    ('Sara Lindgren spoke first. The agenda was clear: "Every family will pay less next year."',
     [(None, "Every family will pay less next year.", None)]),
    # "the statement read" speaks for whoever issued the statement in the sentences before
    ('The Tarvik Rowing Federation issued a statement on Monday. "We condemn the attack on our coach," the '
     'statement read.', [("The Tarvik Rowing Federation", "We condemn the attack on our coach", "read")]),
    # ... and so does "It read:" after "released a statement", also when a person spoke just before
    ('"We will appeal," Sara Lindgren said.\n\nThe Tarvik Rowing Federation released a statement. It read: "We '
     'stand by our coach."', [("Sara Lindgren", "We will appeal", "said"),
                              ("The Tarvik Rowing Federation", "We stand by our coach.", "read")]),
])
def test_direct_quote_attribution(nlp, text, expect):
    assert direct(nlp, text) == expect


def test_markup_is_no_speaker(nlp):
    """Wiki markup such as "((en))English" before a cue is not an organisation speaking."""
    assert direct(nlp, '"We are ready," ((en))English said.') == [(None, "We are ready", "said")]


def test_the_dateline_is_never_part_of_a_speaker(nlp):
    got = direct(nlp, ' date 2024-01-01 "Ties are strong," said Mikhail Ivanov.')
    assert got == [("Mikhail Ivanov", "Ties are strong", "said")]


def test_reported_speech(nlp):
    qs = [q for q in quotes_of(nlp, "Prime Minister Sara Lindgren said that the talks had been constructive.")
          if q.kind == "indirect"]
    assert [(q.speaker.name, q.text, q.cue.text) for q in qs] == [
        ("Sara Lindgren", "the talks had been constructive", "said")]


@pytest.mark.parametrize("text, expect", [
    ("Prime Minister Sara Lindgren stressed the need to reform the customs service.",
     ("Sara Lindgren", "the need to reform the customs service", "stressed")),
    ("Minister Elif Demir met the press. According to Elif Demir, Chile is ready to export more copper.",
     ("Elif Demir", "Chile is ready to export more copper", "According to")),
])
def test_reported_need_and_according_to(nlp, text, expect):
    got = [(q.speaker.name if q.speaker else None, q.text, q.cue.text) for q in quotes_of(nlp, text)
           if q.kind == "indirect"]
    assert expect in got


@pytest.mark.parametrize("text, expect", [
    # a heading above the sentence is not its subject
    ("The talks ended.\n\nCounter-Terrorism\n\nThe two sides said that terrorism must be confronted.",
     ("The two sides", "terrorism must be confronted")),
])
def test_reported_speaker_stays_in_its_paragraph(nlp, text, expect):
    got = [(q.speaker.name if q.speaker else None, q.text) for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert expect in got


def test_a_paragraph_after_a_quote_is_not_what_was_said(nlp):
    # the parser alone makes "thanked" the object of "said", over the paragraph break
    text = ('"Our countries must work together to keep the sea safe," Kapoor said in a post on X.\n\n'
            "Otieno thanked India for its support during the drought and called for more flights.")
    assert [q.text for q in quotes_of(nlp, text) if q.kind == "indirect"] == []


def test_denied_speech_is_not_reported_speech(nlp):
    text = "Foreign Minister Sara Lindgren did not say whether she plans to travel to the region."
    assert [q for q in quotes_of(nlp, text) if q.kind == "indirect"] == []


def test_offsets_give_back_the_text(nlp):
    text = ' date 2024-01-01 "We are ready," Markus Feldmann said, "to go on."\r\n'
    for q in quotes_of(nlp, text):
        assert text[q.start:q.end] == q.text
        assert text[q.cue.start:q.cue.end] == q.cue.text
        m = q.speaker.mention
        assert text[m.start:m.end] == m.text


def test_a_speaker_phrase_starts_in_its_own_paragraph():
    """The parser can hang the closing mark of the paragraph above under the next subject: the
    speaker's words start after the line break and the mark (a hand-built parse)."""
    from conftest import make_doc

    from diplo_cli.extract.quotes import _own_paragraph

    words = ["money", '"', "\n\n", "The", "deputy", "chair", "said"]
    doc = make_doc(words, spaces=[False, False, False, True, True, True, False],
                   heads=[6, 5, 5, 5, 5, 6, 6], deps=["dobj", "punct", "dep", "det", "amod", "nsubj", "ROOT"])
    assert _own_paragraph(doc[1:6], doc[5]).text == "The deputy chair"



@pytest.mark.parametrize("text, speaker", [
    # the last sentence's subject is an office its holder was named for: the pronoun is that holder,
    # not the first person that sentence names
    ("Prime Minister Sara Lindgren will visit Oslo next week.\n\n"
     "The Prime Minister will also meet Chancellor Tom Hale. She noted that the talks would cover trade.",
     "Sara Lindgren"),
    # "the President of the European Commission" is not the president named first
    ("President Sara Lindgren met President of the European Commission Elif Demir in Oslo.\n\n"
     "\"We stand with you,\" said the President of the European Commission. She noted that aid would grow.",
     "Elif Demir"),
])
def test_a_pronoun_after_an_office_subject_is_its_holder(nlp, text, speaker):
    got = [q.speaker.name if q.speaker else None for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert got == [speaker]
