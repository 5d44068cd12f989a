// Who said it: pronouns by gender and salience, organisations as speakers, unnamed speakers, datelines and
// quoted titles. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/analysis/quotes';
import { firstNameGender } from '../../lib/analysis/name-gender';
import type { Entity } from '../../lib/analysis/types';
import { entityFromForms } from '../../testing/fixtures/quotes-fixtures';

/** Direct quotes as [words, speaker name or null, entity id or null]. */
function directs(text: string, entities: Entity[]): [string, string | null, string | null][] {
  return findQuotes(text, entities)
    .filter((q) => q.kind === 'direct')
    .map((q) => [text.slice(q.start, q.end), q.speaker?.name ?? null, q.speaker?.entityId ?? null]);
}

describe('first-name genders (lib/model/names.json)', () => {
  it('knows common first names of either gender and leaves unknown ones unknown', () => {
    expect(firstNameGender('Margaret')).toBe('female');
    expect(firstNameGender('Robert')).toBe('male');
    expect(firstNameGender('Xqzt')).toBe('unknown');
  });
});

describe('pronoun speakers', () => {
  it('gives "she said" to the woman when a man was named after her', () => {
    const text = 'Margaret Hale, the mayor, opened the meeting. Later Robert Stone arrived with the budget. “We will not give up,” she said.';
    const entities = [
      entityFromForms(text, 'person', 'Margaret Hale', ['Margaret Hale']),
      entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone']),
    ];
    expect(directs(text, entities)).toEqual([['We will not give up', 'Margaret Hale', 'person:Margaret Hale']]);
  });

  it('and "he said" to the man', () => {
    const text = 'Robert Stone opened the meeting. Later Margaret Hale arrived with the budget. “We will not give up,” he said.';
    const entities = [
      entityFromForms(text, 'person', 'Margaret Hale', ['Margaret Hale']),
      entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone']),
    ];
    expect(directs(text, entities)).toEqual([['We will not give up', 'Robert Stone', 'person:Robert Stone']]);
  });

  it('learns a gender from the article itself when the first name says nothing', () => {
    const text = 'Zorblat Quenn took the stage. She thanked the crowd. Later Vixtor Abend spoke about taxes. He was loud. “Nobody listens,” she said.';
    const entities = [
      entityFromForms(text, 'person', 'Zorblat Quenn', ['Zorblat Quenn']),
      entityFromForms(text, 'person', 'Vixtor Abend', ['Vixtor Abend']),
    ];
    expect(directs(text, entities)).toEqual([['Nobody listens', 'Zorblat Quenn', 'person:Zorblat Quenn']]);
  });

  it('prefers the subject of a sentence to a person named as its object', () => {
    const text = 'Kestrel Dunmore was arrested in April. During the call, he threatened Ondine Vale and said, “Somebody should stop her.”';
    const entities = [
      entityFromForms(text, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore']),
      entityFromForms(text, 'person', 'Ondine Vale', ['Ondine Vale']),
    ];
    expect(directs(text, entities)).toEqual([['Somebody should stop her.', 'Kestrel Dunmore', 'person:Kestrel Dunmore']]);
  });
});

describe('organisations as speakers', () => {
  it('gives "the company said" to the organisation named last', () => {
    const text = 'Acme Widgets announced layoffs on Monday, and Robert Stone lost his job. “We regret the decision,” the company said.';
    const entities = [
      entityFromForms(text, 'organization', 'Acme Widgets', ['Acme Widgets']),
      entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone']),
    ];
    expect(directs(text, entities)).toEqual([['We regret the decision', 'Acme Widgets', 'organization:Acme Widgets']]);
  });

  it('gives "the statement read" to the organisation that spoke', () => {
    const text = 'Acme Widgets denied the claims. “We did nothing wrong,” the statement read.';
    const entities = [entityFromForms(text, 'organization', 'Acme Widgets', ['Acme Widgets'])];
    expect(directs(text, entities)).toEqual([['We did nothing wrong', 'Acme Widgets', 'organization:Acme Widgets']]);
  });

  it('does not take a company for "the union"', () => {
    const text = 'Acme Widgets cut wages. “This is theft,” the union said.';
    const entities = [entityFromForms(text, 'organization', 'Acme Widgets', ['Acme Widgets'])];
    expect(directs(text, entities)).toEqual([['This is theft', 'the union', null]]);
  });
});

describe('speakers who are not the nearest name', () => {
  it('keeps "a senior official" unnamed', () => {
    const text = 'Robert Stone met the delegation on Tuesday. “Talks are stalled,” a senior official said.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['Talks are stalled', 'a senior official', null]]);
  });

  it('gives a lawyer\'s words to the lawyer, not to the client named after "for"', () => {
    const text = 'Robert Stone died in 2019. “He never had a chance to explain himself,” said a lawyer for Robert Stone.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['He never had a chance to explain himself', 'a lawyer', null]]);
  });

  it('never gives a quote to a dateline', () => {
    const text = 'WASHINGTON — Lawmakers met on Monday.\n\n“We are not there yet,” WASHINGTON said.';
    const entities = [entityFromForms(text, 'place', 'Washington', ['WASHINGTON'])];
    expect(directs(text, entities)).toEqual([['We are not there yet', null, null]]);
  });

  it('takes the cue that opens a quote over the office that reports it', () => {
    const text = 'Kestrel Dunmore called the office. He said, “I will be there,” the prosecutor’s office said.';
    const entities = [entityFromForms(text, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore'])];
    expect(directs(text, entities)).toEqual([['I will be there', 'Kestrel Dunmore', 'person:Kestrel Dunmore']]);
  });

  it('names an unnamed speaker by the name that closes the sentence', () => {
    const text = 'He was known for telling others "he was in charge" despite his post, said another witness in the probe, former adviser Ondine Vale.';
    const entities = [entityFromForms(text, 'person', 'Ondine Vale', ['Ondine Vale'])];
    expect(directs(text, entities)).toEqual([['he was in charge', 'Ondine Vale', 'person:Ondine Vale']]);
  });

  it('reads "As X would say, “…”" as X\'s words', () => {
    const text = 'The cause was found at last. As Ondine Vale would say, “Never again.”';
    const entities = [entityFromForms(text, 'person', 'Ondine Vale', ['Ondine Vale'])];
    expect(directs(text, entities)).toEqual([['Never again.', 'Ondine Vale', 'person:Ondine Vale']]);
  });

  it('reads time words between a subject and its cue ("has since said", "now says")', () => {
    const text = 'Robert Stone has since said that the signing would take place in “farm country,” but nobody agreed.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['farm country', 'Robert Stone', 'person:Robert Stone']]);
  });

  it('gives a word quoted in someone\'s dated announcement to its owner', () => {
    const text = 'Despite Robert Stone’s Oct. 11 announcement that the two sides had reached a “historic” agreement, nothing was signed.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['historic', 'Robert Stone', 'person:Robert Stone']]);
  });

  it('keeps the speaker of a quote resumed after its attribution', () => {
    const text = '“We are excited,” comments Kestrel Dunmore in a statement, “as it is a celebration of our history.”';
    const entities = [entityFromForms(text, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore'])];
    expect(directs(text, entities).map(([, speaker]) => speaker)).toEqual(['Kestrel Dunmore', 'Kestrel Dunmore']);
  });
});

describe('titles are not quotes', () => {
  it('skips a quoted TV show title that no cue of its own sets off', () => {
    const text = 'Robert Stone said on “Fox News Sunday” that the bill would pass. He appeared on “Saturday Night Live” too.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([]);
  });

  it('keeps a Title Case slogan its speaker says', () => {
    const text = '“Make America Great Again,” Robert Stone said.';
    const entities = [entityFromForms(text, 'person', 'Robert Stone', ['Robert Stone'])];
    expect(directs(text, entities)).toEqual([['Make America Great Again', 'Robert Stone', 'person:Robert Stone']]);
  });
});

describe('gender from the words after a name', () => {
  it('reads "X is one of the first women …" and "X, whose husband …" apart', () => {
    const text = 'Kestrel Dunmore called the office in March. Ondine Vale is one of the first two women elected there. ' +
      'The staff member recalled that he said, “I will be back.”';
    const entities = [
      entityFromForms(text, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore']),
      entityFromForms(text, 'person', 'Ondine Vale', ['Ondine Vale']),
    ];
    expect(directs(text, entities)).toEqual([['I will be back.', 'Kestrel Dunmore', 'person:Kestrel Dunmore']]);
    const other = 'Kestrel Dunmore called the office in March. Ondine Vale, whose husband works there, answered. “I will be back,” she said.';
    const both = [
      entityFromForms(other, 'person', 'Kestrel Dunmore', ['Kestrel Dunmore']),
      entityFromForms(other, 'person', 'Ondine Vale', ['Ondine Vale']),
    ];
    // "whose husband" is about someone else: nothing makes Ondine Vale a man, so "she" may be her.
    expect(directs(other, both)).toEqual([['I will be back', 'Ondine Vale', 'person:Ondine Vale']]);
  });
});

describe('organisations as the topic: statements, "the company", "it", "they"', () => {
  const org = (text: string, name: string): Entity => entityFromForms(text, 'organization', name, [name]);

  it('gives "the statement" to whoever issued the statement introduced last, not the organisation named last', () => {
    const text = 'On Monday, Quillon Records issued a statement after a singer scolded the label over the Harbor Awards.\n\n' +
      'The statement, which was obtained by the Daily Ledger, claimed that the label and Harbor Fest had “come to terms on a licensing agreement for every artist.”';
    const entities = [org(text, 'Quillon Records'), org(text, 'Harbor Awards'), org(text, 'Daily Ledger'), org(text, 'Harbor Fest')];
    expect(directs(text, entities)).toEqual([['come to terms on a licensing agreement for every artist.', 'Quillon Records', 'organization:Quillon Records']]);
  });

  it('gives a denial "in a statement" to the organisation accused just before, not one used as a modifier', () => {
    const text = 'Brindle Pictures said it would talk. On Thursday, Vessa Marr accused Tobin, Aldous and Quillon Records of blocking a Streamflix ' +
      'documentary about her life.\n\nThe company flat-out denied the allegations in a statement shared to its website.\n\n' +
      '“We never blocked anything,” the statement read.';
    const entities = [
      org(text, 'Brindle Pictures'), org(text, 'Quillon Records'), org(text, 'Streamflix'),
      entityFromForms(text, 'person', 'Vessa Marr', ['Vessa Marr']),
    ];
    expect(directs(text, entities)).toEqual([['We never blocked anything', 'Quillon Records', 'organization:Quillon Records']]);
  });

  it('gives "the company" to the subject organisation, skipping a name that only modifies a noun', () => {
    const text = 'Harbor Fest hired a new director. Brindle Pictures, the organiser, welcomed a Streamflix documentary about the event. ' +
      '“We are thrilled,” the company said.';
    const entities = [org(text, 'Harbor Fest'), org(text, 'Brindle Pictures'), org(text, 'Streamflix')];
    expect(directs(text, entities)).toEqual([['We are thrilled', 'Brindle Pictures', 'organization:Brindle Pictures']]);
  });

  it('gives "it says" to the organisation the paragraph is about, not one after a preposition', () => {
    const text = 'Quillon Records denied doing anything wrong.\n\nNow it has put out another statement, directly to the organisers of the ' +
      'Harbor Awards.\n\n“We have agreed to grant all licenses,” it says.';
    const entities = [org(text, 'Quillon Records'), org(text, 'Harbor Awards')];
    expect(directs(text, entities)).toEqual([['We have agreed to grant all licenses', 'Quillon Records', 'organization:Quillon Records']]);
  });

  it('gives "they said" to an organisation that is the subject just before, set off by commas after an opening phrase', () => {
    const text = 'The firm that runs the Harbor Awards, Brindle Pictures, denies that anything has been agreed.\n\n' +
      '“We have no further comment,” they said.';
    const entities = [org(text, 'Harbor Awards'), org(text, 'Brindle Pictures')];
    expect(directs(text, entities)).toEqual([['We have no further comment', 'Brindle Pictures', 'organization:Brindle Pictures']]);
  });

  it('lets a letter whose writers have no name speak as itself, not as the organisation it was sent to', () => {
    const text = 'A group of parents sent a letter to the Harbor Schools Board on Monday. “Our children are thriving,” the letter reads.';
    const entities = [org(text, 'Harbor Schools Board')];
    expect(directs(text, entities)).toEqual([['Our children are thriving', 'the letter', null]]);
  });

  it('gives "the label" to an organisation whose name says it is a label, before a nearer subject company', () => {
    const text = 'A singer left Quillon Records last year. Brindle Pictures announced a documentary about her.\n\n' +
      '“We wish her well,” the label said.';
    const entities = [org(text, 'Quillon Records'), org(text, 'Brindle Pictures')];
    expect(directs(text, entities)).toEqual([['We wish her well', 'Quillon Records', 'organization:Quillon Records']]);
  });

  it('leaves "they said" unnamed after people', () => {
    const text = 'Ada Welk and Mara Quist criticised Brindle Pictures over the merger. “It is a disgrace,” they said.';
    const entities = [
      entityFromForms(text, 'person', 'Ada Welk', ['Ada Welk']), entityFromForms(text, 'person', 'Mara Quist', ['Mara Quist']),
      org(text, 'Brindle Pictures'),
    ];
    expect(directs(text, entities)).toEqual([['It is a disgrace', null, null]]);
  });
});

describe('who is not a person speaker', () => {
  it('does not take a name followed by ", which" for the woman a "she" means', () => {
    const text = 'Her albums were released through Big Lantern, which was bought by a rival.\n\nThen Taylor Grey posted a long message. ' +
      'She claimed the label had blocked her.\n\n“I just want to play my music,” she said.';
    // A tagger may type the label's name as a person.
    const entities = [entityFromForms(text, 'person', 'Big Lantern', ['Big Lantern']), entityFromForms(text, 'person', 'Taylor Grey', ['Taylor Grey'])];
    expect(directs(text, entities)).toEqual([['I just want to play my music', 'Taylor Grey', 'person:Taylor Grey']]);
  });

  it('never takes the time phrase opening a sentence ("Last week") for its speaker', () => {
    const text = 'Last week State Department official Dara Pell revealed one of those calls, saying she recalled it “vividly.”';
    const entities = [entityFromForms(text, 'person', 'Dara Pell', ['Dara Pell'])];
    const speakers = findQuotes(text, entities).map((q) => q.speaker?.name ?? null);
    expect(speakers).not.toContain('Last');
    expect(speakers).toContain('Dara Pell');
  });
});

describe('a pronoun subject after an opening phrase without its comma', () => {
  it('gives the partial quotes of "In a blog post at the time she described …" to the woman named before', () => {
    const text = 'Maria Pell sold the firm.\n\nIn a blog post at the time she described this as the "worst case scenario" and accused him of ' +
      '"incessant, manipulative bullying".';
    const entities = [entityFromForms(text, 'person', 'Maria Pell', ['Maria Pell'])];
    expect(directs(text, entities)).toEqual([
      ['worst case scenario', 'Maria Pell', 'person:Maria Pell'],
      ['incessant, manipulative bullying', 'Maria Pell', 'person:Maria Pell'],
    ]);
  });
});

describe('a quoted title earlier in the sentence', () => {
  it('keeps its closing comma, so the name after it still speaks the short quotes later in the sentence', () => {
    const text = 'The city was calm. In an interview on WKRP\'s "Morning Hour," House Speaker Dana K. Holt (R-Ohio) said the recent ' +
      'spate of shootings demands that all residents engage in "more listening" and "more learning." "It hurts," Holt said.';
    const entities = [entityFromForms(text, 'person', 'Dana K. Holt', ['Dana K. Holt', 'Holt'])];
    expect(directs(text, entities)).toEqual([
      ['more listening', 'Dana K. Holt', 'person:Dana K. Holt'],
      ['more learning.', 'Dana K. Holt', 'person:Dana K. Holt'],
      ['It hurts', 'Dana K. Holt', 'person:Dana K. Holt'],
    ]);
  });
});

describe('headings in capitals', () => {
  it('does not take a capitalised heading before a dash for a name that speaks', () => {
    const text = 'CONGRESS HAS QUESTIONED HIM — the doctor appeared at a hearing for saying that the pill was a “magic cure for every body type.”';
    const speakers = findQuotes(text, []).map((q) => q.speaker?.name ?? null);
    expect(speakers).not.toContain('CONGRESS HAS QUESTIONED HIM');
  });
});

describe('partial quotes inside a sentence that names its speaker', () => {
  it('gives quotes inside reported speech to that sentence’s speaker', () => {
    const text = 'On Sunday in Iowa, which hosts the first contest next week, Walsh referred to Brandt as “a bright, charismatic leader” but described his leadership skills as a “work in progress.”';
    const entities = [entityFromForms(text, 'person', 'Ray Walsh', ['Walsh']), entityFromForms(text, 'person', 'Tom Brandt', ['Brandt'])];
    expect(directs(text, entities)).toEqual([
      ['a bright, charismatic leader', 'Ray Walsh', 'person:Ray Walsh'],
      ['work in progress.', 'Ray Walsh', 'person:Ray Walsh'],
    ]);
  });

  it('gives a partial quote to one described person opening the sentence, not to a group', () => {
    const text = 'The Ohio senator took a heckler in stride, joking the man would “feel better in the morning.” Local officials took a tour and saw the “worst flooding in decades.”';
    expect(directs(text, [])).toEqual([
      ['feel better in the morning.', 'The Ohio senator', null],
      ['worst flooding in decades.', null, null],
    ]);
  });

  it('reads a lowercase title before the name that opens the sentence', () => {
    const text = 'Republican front-runner Dale Hunt is insisting that he has “expanded the party,” claiming that he is responsible for higher turnout.';
    const entities = [entityFromForms(text, 'person', 'Dale Hunt', ['Dale Hunt'])];
    expect(directs(text, entities)).toEqual([['expanded the party', 'Dale Hunt', 'person:Dale Hunt']]);
  });
});

describe('gender from a title before a name', () => {
  it('skips a councilman for "she said"', () => {
    const text = '“We had no choice,” said Councilwoman Dana Whitfield.\n\nWhitfield said repairs would cost millions. Councilman Ortiz voted against the plan on Tuesday.\n\n“This is the heart of our neighborhood,” she said.';
    const entities = [
      entityFromForms(text, 'person', 'Dana Whitfield', ['Dana Whitfield', 'Whitfield']),
      entityFromForms(text, 'person', 'Councilman Ortiz', ['Councilman Ortiz']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Dana Whitfield', 'Dana Whitfield']);
  });
});

describe('research news', () => {
  it('gives the team’s words to the named person who leads it', () => {
    const text = '“We suggest that the outgassing occurs at lower levels than estimated,” Ruiz and his team wrote in the paper.';
    const entities = [entityFromForms(text, 'person', 'Tomas Ruiz', ['Ruiz'])];
    expect(directs(text, entities)).toEqual([['We suggest that the outgassing occurs at lower levels than estimated', 'Tomas Ruiz', 'person:Tomas Ruiz']]);
  });

  it('does not make the journal a study was published in its speaker', () => {
    const text = 'A study published Wednesday in the journal Plant Metabolism found fasting was “no better than counting calories.”';
    const entities = [entityFromForms(text, 'organization', 'Plant Metabolism', ['Plant Metabolism'])];
    expect(directs(text, entities)).toEqual([['no better than counting calories.', 'A study', null]]);
  });

  it('keeps a person after a preposition who speaks ("footage of X asking")', () => {
    const text = 'The ad uses footage of Nora Quill asking, “Why aren’t I fifty points ahead?”';
    const entities = [entityFromForms(text, 'person', 'Nora Quill', ['Nora Quill'])];
    expect(directs(text, entities)).toEqual([['Why aren’t I fifty points ahead?', 'Nora Quill', 'person:Nora Quill']]);
  });

  it('reads "in X’s words" and "in the words of X"', () => {
    const text = 'In Dr. Kate Shadlen’s words, “Could the moment be tied to awareness?”\n\nIn the words of Mayor Ben Ortiz, “This city does not quit.”';
    const entities = [
      entityFromForms(text, 'person', 'Kate Shadlen', ['Kate Shadlen']),
      entityFromForms(text, 'person', 'Ben Ortiz', ['Ben Ortiz']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Kate Shadlen', 'Ben Ortiz']);
  });
});

describe('quotes that go on from the one before', () => {
  it('go on with a speaker we could not name rather than an earlier person', () => {
    const text = 'Mara Lind accused the label of blocking her songs.\n\nThe label has denied it twice.\n\n“At no point did we block her songs,” they said in a statement.\n\n“In fact, we do not have the right to keep her from performing.”';
    const entities = [entityFromForms(text, 'person', 'Mara Lind', ['Mara Lind'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual([null, null]);
  });

  it('give "she said" to the last speaker when only the first name’s usual gender clashes', () => {
    const text = '“The clinic cannot keep up,” said Alex Rivera, a nurse.\n\nRivera has worked at the clinic since 2010.\n\n“We see twice as many patients as last year,” she said.';
    const entities = [entityFromForms(text, 'person', 'Alex Rivera', ['Alex Rivera', 'Rivera'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Alex Rivera', 'Alex Rivera']);
  });

  it('but not to a man the article calls "he"', () => {
    const text = '“The clinic cannot keep up,” said Alex Rivera, a nurse.\n\nRivera said he has worked at the clinic since 2010.\n\n“We see twice as many patients as last year,” she said.';
    const entities = [entityFromForms(text, 'person', 'Alex Rivera', ['Alex Rivera', 'Rivera'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Alex Rivera', null]);
  });
});

describe('a quote in the sentence right after an attributed one', () => {
  it('goes on with that speaker', () => {
    const text = '“They can overreact,” Vega said. Just because biologists became aware of the cells in the gut first, “that doesn’t mean that’s the order in which they evolved.”';
    const entities = [entityFromForms(text, 'person', 'Ines Vega', ['Vega'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Ines Vega', 'Ines Vega']);
  });

  it('but a term of a few words does not', () => {
    const text = '“They can overreact,” Vega said. The condition is known as “gut lung.”';
    const entities = [entityFromForms(text, 'person', 'Ines Vega', ['Vega'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Ines Vega']);
  });
});

describe('a description and then the name', () => {
  it('gives the quote to the name set off after the description, also when an outlet is told', () => {
    const text = '“We had no other option,” the chairman, Paul Adler, told The Associated Press.\n\n“We will rebuild,” the plant’s manager, Rosa Imhof, said.';
    const entities = [
      entityFromForms(text, 'person', 'Paul Adler', ['Paul Adler']),
      entityFromForms(text, 'person', 'Rosa Imhof', ['Rosa Imhof']),
      entityFromForms(text, 'organization', 'Associated Press', ['Associated Press']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Paul Adler', 'Rosa Imhof']);
  });
});

describe('people named by what they do', () => {
  it('keeps "one user on a platform" a person, not the platform', () => {
    const text = 'According to AFP, one user on Qwibo posted: “How did these two get to the capital?”';
    const entities = [entityFromForms(text, 'organization', 'Qwibo', ['Qwibo']), entityFromForms(text, 'organization', 'AFP', ['AFP'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['one user on Qwibo']);
  });
});

describe('a quote after a colon that ends its subject’s sentence', () => {
  it('is the subject’s, whatever the verb', () => {
    const text = 'The mayor paused as the crowd shouted. Harlan Voss leaned in and boomed: “We are going to win this.”';
    const entities = [entityFromForms(text, 'person', 'Harlan Voss', ['Harlan Voss'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Harlan Voss']);
  });

  it('but a group opening the sentence is no speaker', () => {
    const text = 'Local residents were fed up by then: “fix the roads before the winter comes.”';
    expect(directs(text, []).map((d) => d[1])).toEqual([null]);
  });
});

describe('a paragraph ending in a colon', () => {
  it('names the speaker of the quote that opens the next paragraph', () => {
    const text = 'Turnout fell in every county.\n\nOn July 6, Bernard Quill made the following comment:\n\n“For young people who have left school, the jobless rate is far too high.”';
    const entities = [entityFromForms(text, 'person', 'Bernard Quill', ['Bernard Quill'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Bernard Quill']);
  });

  it('and an outlet that reports is the source of the passage it quotes', () => {
    const text = 'Few donors gave small sums.\n\nThe Harbor Ledger reports:\n\n“Just a quarter of the contributors so far have given $200 or less.”';
    const entities = [entityFromForms(text, 'organization', 'The Harbor Ledger', ['The Harbor Ledger'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['The Harbor Ledger']);
  });

  it('but a writing named before the colon is no speaker', () => {
    const text = 'The post drew anger at once.\n\nLet us start by parsing that message:\n\n“We are all concerned with events in the city centre.”';
    expect(directs(text, []).map((d) => d[1])).toEqual([null]);
  });
});

describe('a quote opening a sentence right after a narrated one', () => {
  it('is the words of the person that sentence is about, not of the last speaker', () => {
    const text = '“We must stop painting the police with a broad brush,” Dale Morrow said on Sunday.\n\n' +
      'On “Meet the Week,” Sen. Edith Crane (Vt.), who lost the primary, named young voters as the reason. “The younger people are sick and tired of it.”';
    const entities = [
      entityFromForms(text, 'person', 'Dale Morrow', ['Dale Morrow']),
      entityFromForms(text, 'person', 'Edith Crane', ['Edith Crane']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Dale Morrow', 'Edith Crane']);
  });

  it('but the sentence that attributes the quote before goes on with its speaker', () => {
    const text = '“Rates will stay low,” Nora Lind, Quorra’s director of analysis, said in a statement. “Shoppers can look forward to it.”';
    const entities = [
      entityFromForms(text, 'person', 'Nora Lind', ['Nora Lind']),
      entityFromForms(text, 'organization', 'Quorra', ['Quorra']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Nora Lind', 'Nora Lind']);
  });

  it('and quoted words inside that sentence name no one', () => {
    const text = '“We will rebuild,” Dale Morrow said.\n\nThe plan, as “Ivo Petrak is right” put it, failed. “Nobody saw it coming.”';
    const entities = [
      entityFromForms(text, 'person', 'Dale Morrow', ['Dale Morrow']),
      entityFromForms(text, 'person', 'Ivo Petrak', ['Ivo Petrak']),
    ];
    expect(directs(text, entities).at(-1)?.[1]).not.toBe('Ivo Petrak');
  });
});

describe('authors of writings and speeches', () => {
  it('"according to a speech X delivered" gives the words to X', () => {
    const text = 'Helga Moss spoke in May. The aim is to curb “short-term thinking” in boardrooms and persuade executives to plan for the long term, according to a speech Ms. Moss delivered at a university in July.';
    const entities = [entityFromForms(text, 'person', 'Helga Moss', ['Helga Moss', 'Moss'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Helga Moss']);
  });

  it('"X, appositive, has written" after a quote attributes it and the quote after it', () => {
    const text = '“The duty is paid by the importer at the border,” Howard Pell, a senior fellow at a research center, has written. “The foreign government pays nothing.”';
    const entities = [entityFromForms(text, 'person', 'Howard Pell', ['Howard Pell'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Howard Pell', 'Howard Pell']);
  });
});

describe('a name typed as an organisation that the article calls she or he', () => {
  it('is the person a later "she said" means', () => {
    const text = 'Her film opens on Friday. Ormondy said she felt the law was worth examining because “most people do not know about that loophole,” she said.';
    const entities = [entityFromForms(text, 'organization', 'Ormondy', ['Ormondy'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Ormondy']);
  });
});

describe('a place inside a speaker phrase', () => {
  function reported(text: string, entities: Entity[]): (string | null)[] {
    return findQuotes(text, entities).filter((q) => q.kind === 'reported').map((q) => q.speaker?.name ?? null);
  }

  it('leaves "officials in X" the officials, not the place', () => {
    const text = 'Officials in Port Arden say the ferry operator has misled its passengers for years.';
    expect(reported(text, [entityFromForms(text, 'place', 'Port Arden', ['Port Arden'])])).toEqual(['Officials in Port Arden']);
  });

  it('and a place after "and" is part of the phrase before it', () => {
    const text = 'In fact, prosecutors in Port Arden and Lake Vessa say the ferry operator has misled its passengers for years.';
    const entities = [entityFromForms(text, 'place', 'Port Arden', ['Port Arden']), entityFromForms(text, 'place', 'Lake Vessa', ['Lake Vessa'])];
    expect(reported(text, entities)).toEqual(['prosecutors in Port Arden and Lake Vessa']);
  });
});

describe('sources after the quote and participle cues', () => {
  it('"…,” X did something, according to Y" credits Y, not a clause about X', () => {
    const text = 'As a reality TV boss on “The Night Shift,” Carl Brenner repeatedly demeaned women with crude language, according to show insiders who said he rated contestants by their looks.';
    const entities = [entityFromForms(text, 'person', 'Carl Brenner', ['Carl Brenner'])];
    const speakers = findQuotes(text, entities).map((q) => q.speaker?.name ?? null);
    expect(speakers).not.toContain('Carl Brenner repeatedly demeaned women with crude language');
    expect(speakers).toContain('show insiders');
  });

  it('but an "according to" in the sentence after a quote that ended its own is that sentence\'s source only', () => {
    const text = 'Clarissa Dunn said officials should release the videos “without any further delay.” Dunn plans to visit the city on Sunday, according to a campaign aide.';
    const entities = [entityFromForms(text, 'person', 'Clarissa Dunn', ['Clarissa Dunn', 'Dunn'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Clarissa Dunn']);
  });

  it('", saying" after a verb and its object goes to the subject, not the object', () => {
    const text = 'Several environmental groups granted Mr. Clarke an extension on the order, saying his “start-up capital was less than expected.”';
    const entities = [entityFromForms(text, 'person', 'Tom Clarke', ['Clarke'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Several environmental groups']);
  });

  it('while the subject named first keeps it', () => {
    const text = 'Tom Clarke thanked the groups for the extension, saying “we needed the time to raise money.”';
    const entities = [entityFromForms(text, 'person', 'Tom Clarke', ['Tom Clarke'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Tom Clarke']);
  });
});

describe('"they said" after a sentence opened by an organisation', () => {
  it('finds the organisation by its name even where that name was not marked as a mention', () => {
    const text = 'Last week she accused Quintel Records of holding back her music.\n\nQuintel Records have twice denied doing anything wrong.\n\n“At no point did we block her tour,” they said in a statement.';
    const label = entityFromForms(text, 'organization', 'Quintel Records', ['Quintel Records']);
    // Only the first mention is known, as when an earlier step misses the one that opens the sentence.
    label.mentions = label.mentions.slice(0, 1);
    expect(directs(text, [label]).map((d) => d[1])).toEqual(['Quintel Records']);
  });
});

describe('namesakes of the other gender', () => {
  // The surname alone was linked to the husband, as a linker may do when two people share it.
  const linked = (text: string): Entity[] => [
    entityFromForms(text, 'person', 'Helen Marsh', ['Helen Marsh']),
    entityFromForms(text, 'person', 'Peter Marsh', ['Peter Marsh', 'Marsh']),
  ];

  it('gives "Mrs. Marsh said" to the woman who shares the surname', () => {
    const text = 'Helen Marsh runs the clinic. Her husband, Peter Marsh, keeps its books. “We are nearly out of money,” Mrs. Marsh said.';
    expect(directs(text, linked(text)).map((d) => d[1])).toEqual(['Helen Marsh']);
  });

  it('and a "she" after a bare "Marsh" to her, never to the man', () => {
    const text = 'Helen Marsh runs the clinic. Lucy Grant joined it in May. Peter Marsh keeps its books. Marsh said the clinic was short of money. “We cannot wait,” she said.';
    const entities = [...linked(text), entityFromForms(text, 'person', 'Lucy Grant', ['Lucy Grant'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Helen Marsh']);
  });

  it('"she added" does not go on with a man who spoke last', () => {
    const text = 'Helen Marsh runs the clinic. Her husband, Peter Marsh, keeps its books. “The numbers are bad,” Peter Marsh said. “We cannot wait,” she added.';
    expect(directs(text, linked(text)).map((d) => d[1])).toEqual(['Peter Marsh', 'Helen Marsh']);
  });
});

describe('a subordinate clause before the speaker', () => {
  const people = (text: string): Entity[] => [
    entityFromForms(text, 'person', 'Daniel Okafor', ['Daniel Okafor', 'Okafor']),
    entityFromForms(text, 'person', 'Rita Vance', ['Rita Vance', 'Vance']),
  ];

  it('"When X said …, Y fired back:" gives the quote to Y', () => {
    const text = 'When Daniel Okafor suggested that the budget would fail, Rita Vance fired back: “If they cut the money, they will lose the vote.”';
    expect(directs(text, people(text)).map((d) => d[1])).toEqual(['Rita Vance']);
  });

  it('"After X criticized …, Y shot back," gives the quote to Y', () => {
    const text = 'After Daniel Okafor criticized the plan during the debate, Rita Vance shot back, “I could have stayed home, but I chose to fight.”';
    expect(directs(text, people(text)).map((d) => d[1])).toEqual(['Rita Vance']);
  });

  it('"Asked about it, Y shot back:" gives the quote to Y', () => {
    const text = 'Asked about the delay, Rita Vance shot back: “That would be good for everyone.”';
    expect(directs(text, people(text)).map((d) => d[1])).toEqual(['Rita Vance']);
  });

  it('while "As X put it," still names X', () => {
    const text = 'As Rita Vance put it, the plan is “a waste of money for everyone involved.”';
    expect(directs(text, people(text)).map((d) => d[1])).toEqual(['Rita Vance']);
  });
});

describe('a definite description stays as written, as PolNeAR keeps its sources', () => {
  it('"the mayor said" after "Jane Fallow, the mayor," is "the mayor"', () => {
    const text = 'Jane Fallow, the mayor, toured the flooded streets on Monday. “We will rebuild every house,” the mayor said.';
    const entities = [{ ...entityFromForms(text, 'person', 'Jane Fallow', ['Jane Fallow']), description: 'the mayor' }];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['the mayor']);
  });

  it('stays unnamed when no one was given that description ("the insider" after "an insider")', () => {
    const text = 'Paul Ames chairs the board. An insider said the vote was off. “It is over,” the insider added.';
    const entities = [{ ...entityFromForms(text, 'person', 'Paul Ames', ['Paul Ames']), role: 'chairman' }];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['the insider']);
  });

  it('and when someone else was named since ("Leyva … the actress" is not an actress named before her)', () => {
    const text = 'Actress Dana Ortiz spoke first. Later, the star Lena Vidal described the role. “It changed my life,” the actress said.';
    const entities = [
      { ...entityFromForms(text, 'person', 'Dana Ortiz', ['Dana Ortiz']), role: 'Actress' },
      { ...entityFromForms(text, 'person', 'Lena Vidal', ['Lena Vidal']), role: 'star' },
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['the actress']);
  });
});

describe('an age epithet', () => {
  it('"said the 46-year-old" is the person named just before', () => {
    const text = 'Nora Quill spoke after the vote. The former teacher defended the plan. “It is the right thing to do,” said the 46-year-old.';
    const entities = [entityFromForms(text, 'person', 'Nora Quill', ['Nora Quill'])];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Nora Quill']);
  });

  it('and stays unnamed when nobody was named before it', () => {
    const text = 'A man was arrested on Monday after the fire. “I did nothing wrong,” said the 46-year-old.';
    expect(directs(text, []).map((d) => d[1])).toEqual(['the 46-year-old']);
  });
});

describe('the hearer of "he told X"', () => {
  it('is never the speaker of that "he"', () => {
    const text = 'Tim Cook spoke first. Marc Benioff understands the benefits of that work. “I run my business on my phone,” he told Cook. Cook said the admiration was mutual. “I love the way you keep building,” he told Benioff.';
    const entities = [
      entityFromForms(text, 'person', 'Tim Cook', ['Tim Cook', 'Cook']),
      entityFromForms(text, 'person', 'Marc Benioff', ['Marc Benioff', 'Benioff']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Marc Benioff', 'Tim Cook']);
  });
});

describe('a "he" after a sentence with two people', () => {
  it('means its subject, not a person named later in it', () => {
    const text = 'Gordon Pell spoke at the union hall. Pell said Victor Hale had never respected the workers. “It is a disgrace,” he said.';
    const entities = [
      entityFromForms(text, 'person', 'Gordon Pell', ['Gordon Pell', 'Pell']),
      entityFromForms(text, 'person', 'Victor Hale', ['Victor Hale']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Gordon Pell']);
  });

  it('but not a possessive that opens it', () => {
    const text = 'Gordon Pell spoke first. Pell’s letter said Victor Hale had never respected the workers. “It is a disgrace,” he said.';
    const entities = [
      entityFromForms(text, 'person', 'Gordon Pell', ['Gordon Pell', 'Pell']),
      entityFromForms(text, 'person', 'Victor Hale', ['Victor Hale']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Victor Hale']);
  });
});

describe('a passive attribution', () => {
  it('"Y was told by X" gives the quote to X', () => {
    const text = 'Sarah Lee met Tom Hart on Monday. “We cannot do this,” Hart was told by Lee.';
    const entities = [
      entityFromForms(text, 'person', 'Sarah Lee', ['Sarah Lee', 'Lee']),
      entityFromForms(text, 'person', 'Tom Hart', ['Tom Hart', 'Hart']),
    ];
    const quotes = findQuotes(text, entities).filter((q) => q.kind === 'direct');
    expect(quotes.map((q) => [q.speaker?.name, q.source && text.slice(q.source.start, q.source.end)])).toEqual([['Sarah Lee', 'Lee']]);
  });

  it('"Y was asked by <outlet> moderator X whether … “…”" gives the question to X', () => {
    const text = 'Dan Rubin was asked by Channel Nine moderator Gerald Baxter whether the plan would risk “adding another costly program to the federal budget.”';
    const entities = [
      entityFromForms(text, 'person', 'Dan Rubin', ['Dan Rubin']),
      entityFromForms(text, 'organization', 'Channel Nine', ['Channel Nine']),
      entityFromForms(text, 'person', 'Gerald Baxter', ['Gerald Baxter']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Gerald Baxter']);
  });

  it('while "Y told X" stays with Y', () => {
    const text = 'Sarah Lee met Tom Hart on Monday. “We cannot do this,” Hart told Lee.';
    const entities = [
      entityFromForms(text, 'person', 'Sarah Lee', ['Sarah Lee', 'Lee']),
      entityFromForms(text, 'person', 'Tom Hart', ['Tom Hart', 'Hart']),
    ];
    expect(directs(text, entities).map((d) => d[1])).toEqual(['Tom Hart']);
  });
});

describe('a he/she right after a named speaker', () => {
  const people = (text: string): Entity[] => [
    entityFromForms(text, 'person', 'Tom Reed', ['Tom Reed', 'Reed']),
    entityFromForms(text, 'person', 'Paul Hale', ['Paul Hale', 'Hale']),
  ];

  it('goes on with that speaker, not the man the speaker talked about', () => {
    const text = '“We will not give up,” Tom Reed said of Paul Hale. “It is a matter of principle,” he said.';
    expect(directs(text, people(text)).map((d) => d[1])).toEqual(['Tom Reed', 'Tom Reed']);
  });

  it('but not across a sentence about someone else', () => {
    const text = '“We will not give up,” Tom Reed said. Paul Hale disagreed. “It is a matter of principle,” he said.';
    expect(directs(text, people(text)).map((d) => d[1])).toEqual(['Tom Reed', 'Paul Hale']);
  });
});

describe('a quote that ends its sentence with a full stop', () => {
  it('is not given to the subject of the next sentence', () => {
    const text = 'Dana Whitfield rallied supporters, saying: “We have to be ready to stop him.” Colin Marsh emailed supporters.';
    const entities = [
      entityFromForms(text, 'person', 'Dana Whitfield', ['Dana Whitfield']),
      entityFromForms(text, 'person', 'Colin Marsh', ['Colin Marsh']),
    ];
    expect(directs(text, entities)).toEqual([['We have to be ready to stop him.', 'Dana Whitfield', 'person:Dana Whitfield']]);
  });

  it('keeps a sentence that is only its attribution ("“…” Marsh said.")', () => {
    const text = 'Dana Whitfield spoke first. “We will win this seat.” Colin Marsh said Wednesday. The count goes on.';
    const entities = [
      entityFromForms(text, 'person', 'Dana Whitfield', ['Dana Whitfield']),
      entityFromForms(text, 'person', 'Colin Marsh', ['Colin Marsh']),
    ];
    expect(directs(text, entities)).toEqual([['We will win this seat.', 'Colin Marsh', 'person:Colin Marsh']]);
  });
});

describe('an organisation that opens a sentence with a participle cue', () => {
  it('speaks the quote after ", telling reporters,"', () => {
    const text = 'Acme Widgets shrugged off the report, telling reporters, “Nobody here has ever asked for a subsidy.” The vote is next week.';
    const entities = [entityFromForms(text, 'organization', 'Acme Widgets', ['Acme Widgets'])];
    expect(directs(text, entities)).toEqual([['Nobody here has ever asked for a subsidy.', 'Acme Widgets', 'organization:Acme Widgets']]);
  });
});

describe('a participle after "X said,"', () => {
  it('goes on with the one who said, not the first person the sentence names', () => {
    const text = 'Dana Whitfield and Colin Marsh will meet next week, Tomas Brandt said, adding, “They need to sit down and talk.” The meeting is private.';
    const entities = [
      entityFromForms(text, 'person', 'Dana Whitfield', ['Dana Whitfield']),
      entityFromForms(text, 'person', 'Colin Marsh', ['Colin Marsh']),
      entityFromForms(text, 'person', 'Tomas Brandt', ['Tomas Brandt']),
    ];
    expect(directs(text, entities)).toEqual([['They need to sit down and talk.', 'Tomas Brandt', 'person:Tomas Brandt']]);
  });
});

describe('replies after a quote', () => {
  it('read "NAME shot back", "NAME pressed", "NAME answered" and "NAME went on" as attributions', () => {
    const text = '“Would it be negotiable?” Colin Marsh pressed. “It would not,” Dana Whitfield answered. “You are wrong,” Marsh shot back. “And you,” Dana Whitfield went on, “are late for the vote again.”';
    const entities = [
      entityFromForms(text, 'person', 'Colin Marsh', ['Colin Marsh', 'Marsh']),
      entityFromForms(text, 'person', 'Dana Whitfield', ['Dana Whitfield']),
    ];
    expect(directs(text, entities).map(([words, name]) => [words, name])).toEqual([
      ['Would it be negotiable?', 'Colin Marsh'],
      ['It would not', 'Dana Whitfield'],
      ['You are wrong', 'Colin Marsh'],
      ['And you', 'Dana Whitfield'],
      ['are late for the vote again.', 'Dana Whitfield'],
    ]);
  });
});

describe('"X told HEARER" after a quote ending in "?" or "!"', () => {
  it('gives the quote to X, not to the person named before it', () => {
    const text = 'Governor Ellen Marsh spoke first on Monday. “Who knows what comes next?” Tomas Brandt told the local radio station on Monday. “We will see!” Brandt told Vance Radio.';
    const entities = [
      entityFromForms(text, 'person', 'Ellen Marsh', ['Ellen Marsh']),
      entityFromForms(text, 'person', 'Tomas Brandt', ['Tomas Brandt', 'Brandt']),
      entityFromForms(text, 'organization', 'Vance Radio', ['Vance Radio']),
    ];
    expect(directs(text, entities).map(([words, name]) => [words, name])).toEqual([
      ['Who knows what comes next?', 'Tomas Brandt'],
      ['We will see!', 'Tomas Brandt'],
    ]);
  });
});

describe('"X, …, said NAME “…”": a name run into the opening mark', () => {
  it('is who the words are about; the one who said them speaks', () => {
    const text = 'Her campaign manager, Owen Tral, said Rivera “may have broken the rules.” Dana Pike, a professor, said he never saw Hollis “interact” with the donors.';
    const entities = [
      entityFromForms(text, 'person', 'Owen Tral', ['Owen Tral']),
      entityFromForms(text, 'person', 'Rivera', ['Rivera']),
      entityFromForms(text, 'person', 'Dana Pike', ['Dana Pike']),
      entityFromForms(text, 'person', 'Hollis', ['Hollis']),
    ];
    expect(directs(text, entities).map(([words, name]) => [words, name])).toEqual([
      ['may have broken the rules.', 'Owen Tral'],
      ['interact', 'Dana Pike'],
    ]);
  });

  it('still reads "…, said NAME, “…”" as the inverted attribution', () => {
    const text = 'Asked about the vote, said Owen Tral, “We will not wait.”';
    const entities = [entityFromForms(text, 'person', 'Owen Tral', ['Owen Tral'])];
    expect(directs(text, entities).map(([, name]) => name)).toEqual(['Owen Tral']);
  });
});

describe('a verb with no object ending the sentence after a quote and its speaker', () => {
  it('says the quote ("Lee barked.", "Lee concludes.", "Lee pointed out.")', () => {
    const text = `Mara Quist asked about the vote. “Go back to your seat!” Tomas Brandt barked. “We will win the state,” Quist concludes. ''The stock has not done well,'' Brandt pointed out.`;
    const entities = [
      entityFromForms(text, 'person', 'Mara Quist', ['Mara Quist', 'Quist']),
      entityFromForms(text, 'person', 'Tomas Brandt', ['Tomas Brandt', 'Brandt']),
    ];
    expect(directs(text, entities).map(([words, name]) => [words, name])).toEqual([
      ['Go back to your seat!', 'Tomas Brandt'],
      ['We will win the state', 'Mara Quist'],
      ['The stock has not done well', 'Tomas Brandt'],
    ]);
  });

  it('does not read a noun after a quoted fragment as such a verb', () => {
    const text = 'Tomas Brandt says “the wind is at our backs” despite his loss in the Nevada caucuses.';
    const entities = [entityFromForms(text, 'person', 'Tomas Brandt', ['Tomas Brandt'])];
    expect(directs(text, entities).map(([, name]) => name)).toEqual(['Tomas Brandt']);
  });
});

describe('a cue in the infinitive right before the mark', () => {
  it('speaks for the subject of the verb that governs it ("went on to say", "was prompted to say")', () => {
    const text = 'Tomas Brandt spoke first. Mara Quist went on to say, “From the bottom of my heart, I know this to be true.” The debate was so calm that Brandt was prompted to say, “So far, I cannot believe how civil it has been.”';
    const entities = [
      entityFromForms(text, 'person', 'Tomas Brandt', ['Tomas Brandt', 'Brandt']),
      entityFromForms(text, 'person', 'Mara Quist', ['Mara Quist']),
    ];
    expect(directs(text, entities).map(([, name]) => name)).toEqual(['Mara Quist', 'Tomas Brandt']);
  });
});

describe('a quote after a colon', () => {
  it('goes to the name right before a participle at the colon, never to the place the sentence opens with', () => {
    const text = 'At a rally in Dunmore, Ohio, on Saturday, supporters pushed a protester out, with Tomas Brandt reportedly yelling: “Get him out of here!”';
    const entities = [
      entityFromForms(text, 'place', 'Dunmore', ['Dunmore']),
      entityFromForms(text, 'place', 'Ohio', ['Ohio']),
      entityFromForms(text, 'person', 'Tomas Brandt', ['Tomas Brandt']),
    ];
    expect(directs(text, entities).map(([, name]) => name)).toEqual(['Tomas Brandt']);
  });

  it('gives no place as the speaker of a colon quote', () => {
    const text = 'In Dunmore, Ohio, on Saturday, supporters pushed a protester out as the crowd kept on: “Get him out of here!”';
    const entities = [
      entityFromForms(text, 'place', 'Dunmore', ['Dunmore']),
      entityFromForms(text, 'place', 'Ohio', ['Ohio']),
    ];
    const names = directs(text, entities).map(([, name]) => name);
    expect(names).not.toContain('Ohio');
    expect(names).not.toContain('Dunmore');
  });
});

describe('"X’s response was: “…”"', () => {
  it('gives the quote to the owner of the words', () => {
    const text = 'Owen Tral wrote to Mara Quist about the trip. Quist’s response was: “Is he from Wisconsin?” Tral’s dictum to his interns was, “A story needs a second source.”';
    const entities = [
      entityFromForms(text, 'person', 'Owen Tral', ['Owen Tral', 'Tral']),
      entityFromForms(text, 'person', 'Mara Quist', ['Mara Quist', 'Quist']),
    ];
    expect(directs(text, entities).map(([, name]) => name)).toEqual(['Mara Quist', 'Owen Tral']);
  });
});
