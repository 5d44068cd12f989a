// News-style "who is this" patterns, one made-up sentence each, through findEntities (the real tokenizer,
// tagger and linking): what the card gets as `role` and `description`.
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import type { Entity } from '../../lib/analysis/types';

function person(text: string, name: string): Entity | undefined {
  return findEntities(text).find((e) => e.type === 'person' && e.name === name);
}

describe('appositives after the name', () => {
  it.each([
    ['without a determiner', 'Jane Roe, president and chief operating officer of Acme, said the launch was delayed.', 'Jane Roe', 'president and chief operating officer of Acme'],
    ['with a determiner, in object position', 'The firm hired Jane Roe, a former federal prosecutor, last year.', 'Jane Roe', 'a former federal prosecutor'],
    ['with an owner', 'The senator spoke with Mary Smith, Acme’s chief economist.', 'Mary Smith', 'Acme’s chief economist'],
    ['an age and a hometown', 'Patrick Doe, 55, of Addison, pleaded guilty on Monday.', 'Patrick Doe', '55, of Addison'],
    ['a hometown and its state', 'Jane Doe of Springfield, Illinois, said no.', 'Jane Doe', 'of Springfield, Illinois'],
    ['a who clause', 'Mary Roe, who leads the agency’s science office, said the mission was ready.', 'Mary Roe', 'who leads the agency’s science office'],
    ['an affiliation with "of"', 'John Doe of the University of Iowa said the data were clear.', 'John Doe', 'of the University of Iowa'],
    ['a party and state', 'Mike Pence, R-Ind., voted no.', 'Mike Pence', 'R-Ind.'],
    ['between dashes after an age', 'John Smith, 38 – who manages several singers – has been trying to reach her.', 'John Smith', '38 – who manages several singers'],
    ['an occupation the word lists do not know', 'The firm hired Jane Roe, a longtime letter carrier, last year.', 'Jane Roe', 'a longtime letter carrier'],
    ['a dropped comma before the verb', 'Jane Roe, a former aide to Sen. John Smith was one of the first to cheer.', 'Jane Roe', 'a former aide to Sen. John Smith'],
    ['a dropped comma before a speech verb, at a paragraph start', 'The party answered.\n\nJane Roe, the communications director for the Ohio Democratic Party said in a statement.', 'Jane Roe', 'the communications director for the Ohio Democratic Party'],
    ['a who clause in brackets', 'Then Jane Roe (who now runs her own lab at Acme) found it.', 'Jane Roe', 'who now runs her own lab at Acme'],
    ['a role in brackets', 'Then Jane Roe (a former judge) spoke.', 'Jane Roe', 'a former judge'],
    ['a larger place inside the appositive', 'Dean Johnson, a salesman from Sumter, South Carolina, said no.', 'Dean Johnson', 'a salesman from Sumter, South Carolina'],
    ['a relative clause that describes', 'Phil Levy, the chief economist at Flexport, which ships goods for companies, said no.', 'Phil Levy', 'the chief economist at Flexport, which ships goods for companies'],
    ['a hometown with no comma after it', 'On Monday, Joy Alessi, 50, of Houston said the line was long.', 'Joy Alessi', '50, of Houston'],
    ['an appositive without the speech clause after it', 'Scott Reed, the group’s chief strategist, who added that the plan was weak, left.', 'Scott Reed', 'the group’s chief strategist'],
    ['a short bracket inside', 'Filippo Grandi, the High Commissioner for Refugees (UNHCR), said the camps were full.', 'Filippo Grandi', 'the High Commissioner for Refugees (UNHCR)'],
    ['a name with "Jr." and a title with "U.S."', 'James P. Kennedy Jr., the U.S. Attorney for the Western District of New York, said no.', 'James P. Kennedy Jr.', 'the U.S. Attorney for the Western District of New York'],
    ['ending at a web address that ends the sentence', '“It will happen,” said Ben Wikler, the Washington director for MoveOn.org. “That’s going to happen now.”', 'Ben Wikler', 'the Washington director for MoveOn.org.'],
    ['ending at an abbreviation that ends the sentence', 'Jane Roe, a lawyer at Acme Inc. Later she left.', 'Jane Roe', 'a lawyer at Acme Inc.'],
    ['a who clause with its object’s appositive', 'The risk is high, said Anthony Cordesman, who has also advised Arizona Sen. John McCain, the 2008 nominee.', 'Anthony Cordesman', 'who has also advised Arizona Sen. John McCain, the 2008 nominee'],
    ['an organisation’s appositive inside', 'Mark Holden, chairman of Freedom Partners, the network’s funding arm, said no.', 'Mark Holden', 'chairman of Freedom Partners, the network’s funding arm'],
    ['"now" and a paid role', 'Mr. Lewandowski spoke. Later Corey Lewandowski, now a paid CNN commentator, said no.', 'Corey Lewandowski', 'now a paid CNN commentator'],
    ['a capitalised role without a determiner', 'Jane Roe, CEO of Acme, said no.', 'Jane Roe', 'CEO of Acme'],
    ['an acronym role with a determiner', 'Jane Roe, the CEO, said no.', 'Jane Roe', 'the CEO'],
    ['at a later mention', 'Mary Smith spoke first. Later, Smith, the agency’s deputy chief, said the plan would work.', 'Mary Smith', 'the agency’s deputy chief'],
    ['an affiliation with a unit its name owns', 'The study was led by Jane Roe of Acme University’s Mind Brain Behavior Institute, and the findings were published.', 'Jane Roe', 'of Acme University’s Mind Brain Behavior Institute'],
    ['a degree before the affiliation', 'The scientists were led by Jane Roe, Ph.D., of Acme University, and the findings were published.', 'Jane Roe', 'Ph.D., of Acme University'],
    ['an appositive that ends before a clause opened by an adverb', 'John Doe, chairman of the council in the Smith administration, once summed up the danger with a metaphor.', 'John Doe', 'chairman of the council in the Smith administration'],
    ['a role before the name and its party', 'It lifted the hopes of Acme’s incumbent president, Jane Roe of the Democratic Progressive party, as she faces an election.', 'Jane Roe', 'Acme’s incumbent president'],
    ['a role before the name when a group is named first', 'He sought advice from one of the study authors, Owen Doe, a chest doctor at the Acme Infirmary.', 'Owen Doe', 'a chest doctor at the Acme Infirmary'],
    ['"best known for"', 'Jane Roe, best known for her role in the series, said she was thrilled.', 'Jane Roe', 'best known for her role in the series'],
    ['"known as"', 'The prize went to John Doe, known as the father of the modern bicycle, on Monday.', 'John Doe', 'known as the father of the modern bicycle'],
    ['"widely known for" with a quoted title', 'Mary Roe, widely known for “The Long Road,” spoke.', 'Mary Roe', 'widely known for “The Long Road,”'],
    ['a clause after the noun', 'He did not clash with John Doe, his opponent in a fight last season while he was with the Rockets.', 'John Doe', 'his opponent in a fight last season while he was with the Rockets'],
    ['a department between commas after the title', 'Jane Roe, senior vice president, global marketing, at Acme, said no.', 'Jane Roe', 'senior vice president, global marketing, at Acme'],
    ['a number with a thousands separator', 'Tom Doe, a vice president at Acme, which runs about 90,000 miles of cable, said no.', 'Tom Doe', 'a vice president at Acme, which runs about 90,000 miles of cable'],
    ['a list of three inside the phrase', 'Anne Roe, assistant secretary of state for population, refugees, and migration, said no.', 'Anne Roe', 'assistant secretary of state for population, refugees, and migration'],
    ['a list of two and a head inside the phrase', 'The plan came from Jane Roe, president of the climate, controls and security division of Acme, on Monday.', 'Jane Roe', 'president of the climate, controls and security division of Acme'],
    ['a capitalised list glued by "&"', 'Jim Doe, senior vice president at Acme Defense, Space & Security, said no.', 'Jim Doe', 'senior vice president at Acme Defense, Space & Security'],
    ['a capitalised list of one-word items', '“It works,” Jim Doe, vice president at Acme Defense, Space, and Security, said in a statement.', 'Jim Doe', 'vice president at Acme Defense, Space, and Security'],
    ['a capitalised list that goes on in a noun', 'Jane Roe, the head of Acme’s Science, Technology, and Society program, said no.', 'Jane Roe', 'the head of Acme’s Science, Technology, and Society program'],
  ])('%s', (_, text, name, description) => {
    expect(person(text, name)?.description).toBe(description);
  });

  it('prefers a title to a who clause whose list runs on', () => {
    const text = 'Critics blamed the famous occultist John Smith, who was known for his drugs, his lifestyle, and his opinions.';
    expect(person(text, 'John Smith')?.description).toBe('the famous occultist');
  });

  it('reads "Name is the TITLE of …" with a capitalised title', () => {
    expect(person('Jane Roe is the CEO of Acme, a Spokane firm.', 'Jane Roe')?.description).toBe('the CEO of Acme, a Spokane firm');
  });

  it('reads "Name is a ROLE" when nothing else says who the person is', () => {
    expect(person('Jane Roe is a video game historian living in Leeds. She writes often.', 'Jane Roe')?.description).toBe('a video game historian living in Leeds');
    // Not without a role noun, nor when the person does not open the sentence, nor over a title.
    expect(person('Jane Roe is the only reason we won.', 'Jane Roe')?.description).toBeUndefined();
    expect(person('Later, Jane Roe was a lawyer.', 'Jane Roe')?.description).toBeUndefined();
    expect(person('Senator Jane Roe spoke. Roe is a former lawyer.', 'Jane Roe')?.description).toBe('Senator');
  });

  it('does not run a list of people into the phrase', () => {
    expect(person('Jane Roe, director of Acme, Tom Smith and Ann Doe said it.', 'Jane Roe')?.description).toBe('director of Acme');
  });

  it('reads a title written in capitals after the name', () => {
    expect(person('The plan is cruel, said Paul Doe, Research and Advocacy Director for the region at Acme.', 'Paul Doe')?.description).toBe('Research and Advocacy Director for the region at Acme');
    // A name after the capitalised title is someone else's.
    expect(person('Jane Roe, Research Director Tom Smith and others said no.', 'Jane Roe')?.description).toBeUndefined();
  });

  it('reads "Name is also / now a ROLE", "Name, 45, is a ROLE" and "Name has been a ROLE"', () => {
    expect(person('Jane Roe spoke. Roe is also a professor of law at Yale.', 'Jane Roe')?.description).toBe('a professor of law at Yale');
    expect(person('Jane Roe spoke. Roe is now a lawyer in Boston.', 'Jane Roe')?.description).toBe('now a lawyer in Boston');
    expect(person('Jane Roe, 45, is a lawyer in Boston.', 'Jane Roe')?.description).toBe('a lawyer in Boston');
    expect(person('Jane Roe spoke. Roe has been a lawyer for 20 years.', 'Jane Roe')?.description).toBe('a lawyer for 20 years');
    expect(person('Jane Roe has been a problem.', 'Jane Roe')?.description).toBeUndefined();
  });

  it('reads "Name is OWNER’s ROLE" up to a second verb', () => {
    expect(person('Eric Doe is Acme’s deal curator and spends his pay on games.', 'Eric Doe')?.description).toBe('Acme’s deal curator');
    expect(person('Jane Roe is a professor of physics and astronomy at Yale.', 'Jane Roe')?.description).toBe('a professor of physics and astronomy at Yale');
  });

  it('reads "He/She is a ROLE" about the one person the sentence before names', () => {
    const text = '“The study is astounding,” says Katie Roe, MD, PhD. She’s the director of the Center for Food Research in Melbourne.';
    expect(person(text, 'Katie Roe')?.description).toBe('the director of the Center for Food Research in Melbourne');
    // Of two people, the one the pronoun fits; none when it fits no one or both.
    expect(person('Tom Smith met Jane Roe. She is a lawyer.', 'Jane Roe')?.description).toBe('a lawyer');
    expect(person('Tom Smith met Jane Roe. She is a lawyer.', 'Tom Smith')?.description).toBeUndefined();
    expect(person('John Doe spoke. She is a lawyer.', 'John Doe')?.description).toBeUndefined();
    expect(person('Tom Smith met Bill Roe. He is a lawyer.', 'Bill Roe')?.description).toBeUndefined();
  });

  it('gives each of two described people their own appositive', () => {
    const text = 'Jane Roe, a teacher, and John Smith, a nurse, spoke.';
    expect(person(text, 'Jane Roe')?.description).toBe('a teacher');
    expect(person(text, 'John Smith')?.description).toBe('a nurse');
  });
});

describe('titles and roles before the name', () => {
  it.each([
    ['an organisation and a title', 'The reporter asked Acme President John Smith about it.', 'John Smith', 'Acme President'],
    ['a title with its department', 'Secretary of State John Kerry arrived on Monday.', 'John Kerry', 'Secretary of State'],
    ['"former" and a title', 'The crowd cheered when former Vice President Mike Pence spoke.', 'Mike Pence', 'former Vice President'],
    ['a lower-case role with its modifiers', 'Last week State Department official John Smith testified.', 'John Smith', 'State Department official'],
    ['a role phrase after a verb', 'She told economist Jane Roe that the plan was weak.', 'Jane Roe', 'economist'],
    ['a role noun after "to" + verb', 'They voted to investigate political rival John Smith.', 'John Smith', 'political rival'],
    ['a lower-case department after "of"', 'He met former secretary of state Hillary Clinton.', 'Hillary Clinton', 'former secretary of state'],
    ['a title before an honorific', 'GOP presidential candidate Dr. Ben Carson said no.', 'Ben Carson', 'GOP presidential candidate'],
    ['a public figure by what they do', 'Police said disgraced financier John Doe had been held in the jail.', 'John Doe', 'disgraced financier'],
    ['a sports figure', 'The club signed veteran footballer John Doe last week.', 'John Doe', 'veteran footballer'],
    ['a rookie', 'On Monday, rookie John Doe added a goal.', 'John Doe', 'rookie'],
    ['a position in sport', 'He was fined for spitting on Anaheim defenseman John Doe in a brawl.', 'John Doe', 'Anaheim defenseman'],
    ['a suspect', 'Police arrested murder suspect Jane Roe on Monday.', 'Jane Roe', 'murder suspect'],
    ['who backs the person', 'He met tea-party backed candidate John Doe today.', 'John Doe', 'tea-party backed candidate'],
    ['"great" as a noun after a team', 'The four were Oscar Doe, Lakers great John Roe and others.', 'John Roe', 'Lakers great'],
    ['an -ist noun ending in "list"', 'The venture capitalist John Doe said no.', 'John Doe', 'The venture capitalist'],
    ['two modifiers joined by "and"', 'Popular Christian and corporate speaker John Doe said no.', 'John Doe', 'Popular Christian and corporate speaker'],
    ['not a group before "and"', 'Senate Democrats and Republican leader John Doe agreed.', 'John Doe', 'Republican leader'],
    ['a role a capitalised title owns', 'The plan came from the Prime Minister’s national security adviser John Doe last year.', 'John Doe', 'the Prime Minister’s national security adviser'],
    ['a prize winner', 'The crowd cheered when Oscar winner Jane Roe arrived.', 'Jane Roe', 'Oscar winner'],
    ['what befell the person', 'The court heard from convicted sex offender John Doe on Monday.', 'John Doe', 'convicted sex offender'],
    ['a royal', 'The crowd cheered when British royal Jane Roe arrived.', 'Jane Roe', 'British royal'],
    ['a school year', 'Acme Academy junior John Doe won the title.', 'John Doe', 'Acme Academy junior'],
    ['a noun ending in -ly as a modifier', 'Family spokesman Bob Gunnell said no.', 'Bob Gunnell', 'Family spokesman'],
    ['a month before a title is not its owner', 'In March President John Smith spoke.', 'John Smith', 'President'],
    ['a bare occupation of a famous person', 'The crowd cheered when media mogul Jane Roe arrived.', 'Jane Roe', 'media mogul'],
    ['two coordinated roles', 'The panel included conservative columnist and radio contributor John Smith.', 'John Smith', 'conservative columnist and radio contributor'],
    ['a quoted title of a show before the role', 'On Monday, “Morning Show” host Jane Roe said no.', 'Jane Roe', '“Morning Show” host'],
    ['an -ing noun naming a department', 'Former campaign polling director Jane Roe said no.', 'Jane Roe', 'Former campaign polling director'],
    ['an occupation known by its ending', 'The risk is low, said oncologist Jane Roe.', 'Jane Roe', 'oncologist'],
    ['two coordinated occupations at the sentence start', 'Early retiree and self-made millionaire John Smith suggests saving more.', 'John Smith', 'Early retiree and self-made millionaire'],
    ['a band’s frontman', 'The crowd sang along with frontman John Smith all night.', 'John Smith', 'frontman'],
    ['not an -ing verb before the role', 'Critics kept praising spokesman John Smith on Monday.', 'John Smith', 'spokesman'],
    ['an adjective with a verb’s ending at the sentence start', 'Famed fight doctor John Smith died on Monday.', 'John Smith', 'Famed fight doctor'],
    ['an adjective in -ly', 'It was the network’s nightly news anchor Jane Roe who asked.', 'Jane Roe', 'the network’s nightly news anchor'],
    ['not over a contracted verb', 'The surge doesn’t surprise Republican pollster John Smith.', 'John Smith', 'Republican pollster'],
    ['not a prefixed verb before the title', 'Ohio voters re-elected Governor John Smith on Saturday.', 'John Smith', 'Governor'],
    ['not a quotation before the role', '“I like it,” actress Jane Roe said.', 'Jane Roe', 'actress'],
    ['a relation to another person, a WordNet person noun', 'On Monday, Doe accuser Jane Roe spoke to reporters.', 'Jane Roe', 'Doe accuser'],
    ['a sports position, a WordNet person noun', 'The fight involved Acme pass rusher John Smith on Sunday.', 'John Smith', 'Acme pass rusher'],
    ['an occupation only WordNet knows', 'Costs add up, says financial planner John Smith.', 'John Smith', 'financial planner'],
    ['a hyphenated role', 'Acme editor-in-chief Jane Roe said no.', 'Jane Roe', 'Acme editor-in-chief'],
    ['an acronym title after a straight closing quote', 'Acme was "pulled into the market," CEO Jane Roe said on Tuesday.', 'Jane Roe', 'CEO'],
  ])('%s', (_, text, name, role) => {
    const p = person(text, name);
    expect(p?.role).toBe(role);
    // Nothing else is said about them: the title is the description too.
    expect(p?.description).toBe(role);
  });

  it('keeps the role apart from the appositive', () => {
    const p = person('Acme President Jane Roe, a former federal prosecutor, spoke.', 'Jane Roe');
    expect(p?.role).toBe('Acme President');
    expect(p?.description).toBe('a former federal prosecutor');
  });

  it('takes the fuller form of the first title from a later mention', () => {
    expect(person('President John Smith spoke. Later, Ukrainian President Smith left.', 'John Smith')?.role).toBe('Ukrainian President');
  });

  it('prefers a title that stands alone to one that leans on the context', () => {
    expect(person('the country’s President John Smith met Acme President Smith.', 'John Smith')?.role).toBe('Acme President');
  });

  it('prefers a title to a who clause as the description', () => {
    const p = person('Gov. John Smith, who lost his race this month, spoke.', 'John Smith');
    expect(p?.description).toBe('Gov.');
  });

  it('shares a plural title with the list of names after it', () => {
    const text = 'founding members John Smith, Peter Jones and Mary Brown played first.';
    for (const name of ['John Smith', 'Peter Jones', 'Mary Brown']) expect(person(text, name)?.role).toBe('founding members');
  });

  it('reads a noun phrase closed by a comma before the name', () => {
    expect(person('Roe’s attorney, Jane Doe, said the case was weak.', 'Jane Doe')?.description).toBe('Roe’s attorney');
    // A role with what it heads after "of", and a capitalised title opened by a determiner.
    expect(person('“It is over,” Acme’s deputy director of public prosecutions, Jane Roe, said on Tuesday.', 'Jane Roe')?.description).toBe('Acme’s deputy director of public prosecutions');
    expect(person('In June, the then UK Home Secretary, John Smith, approved the request.', 'John Smith')?.description).toBe('the then UK Home Secretary');
    // A capitalised title in a list of names is no phrase before the next name.
    expect(person('Critics, President John Smith and others said no.', 'John Smith')?.description).toBe('President');
    // A capitalised title with its "of": after a determiner, or opening the paragraph.
    expect(person('He wrote to the Chairman of Acme, John Smith, on Monday.', 'John Smith')?.description).toBe('the Chairman of Acme');
    expect(person('The court met.\n\nPresident of the Assembly, Jane Roe, has gone to court over it.', 'Jane Roe')?.description).toBe('President of the Assembly');
    // Not when the name is the subject of a new clause.
    expect(person('In a letter to the President of the Senate, Jane Roe said no.', 'Jane Roe')?.description).toBeUndefined();
  });

  it('reads more phrases closed by a comma before the name', () => {
    // Two roles joined by "and", the second an acronym.
    expect(person('The office asked whether Acme’s founder and former CEO, Adam Doe, had gained.', 'Adam Doe')?.description).toBe('Acme’s founder and former CEO');
    // A role with "for" or "to", and a hyphenated title.
    expect(person('Democrats gained as their nominee for governor, Jim Roe, lost by five points.', 'Jim Roe')?.description).toBe('their nominee for governor');
    expect(person('The group met the ambassador to Ruritania, Tom Doe, on Friday.', 'Tom Doe')?.description).toBe('the ambassador to Ruritania');
    expect(person('The senators sued the Inspector-General of Police, Ibrahim Doe, in March.', 'Ibrahim Doe')?.description).toBe('the Inspector-General of Police');
    // A phrase that opens the sentence, a name in its object, and the name's verb with no comma.
    expect(person('The son of former German President Richard Roe, Fritz Roe was stabbed to death.', 'Fritz Roe')?.description).toBe('The son of former German President Richard Roe');
    expect(person('After meeting the president of Acme, Jane Roe said it was fine.', 'Jane Roe')?.description).toBeUndefined();
    expect(person('His wife, Jane Roe and their son left.', 'Jane Roe')?.description).toBeUndefined();
    expect(person('The suspect, John Doe, was convicted last week.', 'John Doe')?.description).toBe('The suspect');
    // "As a ROLE …, Name verb": the opening says who the person is, unless it is a time of life.
    expect(person('As a lung biologist at Acme University, Jane Roe followed the work.', 'Jane Roe')?.description).toBe('a lung biologist at Acme University');
    expect(person('As the company’s CEO, Jane Roe oversaw the merger.', 'Jane Roe')?.description).toBe('the company’s CEO');
    expect(person('As a senator from Ohio, Jane Roe voted no.', 'Jane Roe')?.description).toBe('a senator from Ohio');
    // An appositive says more than the opening.
    expect(person('As a senator from Ohio, Jane Roe, a lawyer by training, voted no.', 'Jane Roe')?.description).toBe('a lawyer by training');
    expect(person('As a child, Jane Roe lived in Ohio.', 'Jane Roe')?.description).toBeUndefined();
    expect(person('As a result of the storm, Jane Roe left.', 'Jane Roe')?.description).toBeUndefined();
    expect(person('As the president meandered through his text, Jane Roe railed at it.', 'Jane Roe')?.description).toBeUndefined();
    expect(person('As the president speaks, Jane Roe left.', 'Jane Roe')?.description).toBeUndefined();
    // After a subject pronoun a role noun is a verb.
    expect(person('We suspect John Doe will win.', 'John Doe')?.description).toBeUndefined();
  });

  it('reads an organisation and a role after the name, with no determiner', () => {
    expect(person('Jane Roe, Acme diplomatic correspondent, said the talks were over.', 'Jane Roe')?.description).toBe('Acme diplomatic correspondent');
    expect(person('They met Jane Roe, Acme senior fellow at the institute, on Monday.', 'Jane Roe')?.description).toBe('Acme senior fellow at the institute');
    expect(person('It did not appeal to Jane Roe, Acme State Department of Health public information officer, she said.', 'Jane Roe')?.description).toBe('Acme State Department of Health public information officer');
    // A name after the role is someone else: a list, not an appositive.
    expect(person('Jane Roe, Acme chief executive Tom Smith and others said no.', 'Jane Roe')?.description).toBeUndefined();
  });

  it('reads a role phrase without a determiner before the name in commas', () => {
    expect(person('Veteran stage actress, Jane Roe, won the award in 2008.', 'Jane Roe')?.description).toBe('Veteran stage actress');
    expect(person('The guests came to an event hosted by media mogul, John Smith.', 'John Smith')?.description).toBe('media mogul');
    // A list's "and" before the phrase: the phrase may be a name of its own.
    expect(person('Smith, Jones and Republican senator, John Doe, spoke.', 'John Doe')?.description).toBeUndefined();
  });

  it('reads a person noun with its who clause before the name', () => {
    expect(person('He said the woman who runs the shop, Mary Smith, was kind.', 'Mary Smith')?.description).toBe('the woman who runs the shop');
    // Not a person noun: nothing.
    expect(person('He saw the dog who bit the child, Michael Webb, on Monday.', 'Michael Webb')?.description).toBeUndefined();
  });

  it('joins a party label to the title it stands beside', () => {
    const p = person('Rep. John Smith, R-Ohio, visited the border.', 'John Smith');
    expect(p?.role).toBe('Rep.');
    expect(p?.description).toBe('Rep., R-Ohio');
    const q = person('A man admitted threatening U.S. Rep. Mary Doe, D-Minn., in March.', 'Mary Doe');
    expect(q?.role).toBe('U.S. Rep.');
    expect(q?.description).toBe('U.S. Rep., D-Minn.');
  });

  it('keeps a party label alone when no title stands before the name', () => {
    expect(person('Mike Pence, R-Ind., voted no.', 'Mike Pence')?.description).toBe('R-Ind.');
  });

  it('reads a title with a hyphenated place adjective, and a role after "according to"', () => {
    expect(person('He met Los Angeles-based attorney Edgar Martin.', 'Edgar Martin')?.role).toBe('Los Angeles-based attorney');
    expect(person('The deal was off, according to election lawyer Charlie Spies.', 'Charlie Spies')?.role).toBe('election lawyer');
  });
});

describe('an epithet that takes up the person named before it', () => {
  it.each([
    ['in the next sentence', 'Jane Roe arrived late. The 61-year-old royal said nothing.', 'Jane Roe', 'The 61-year-old royal'],
    ['with a who clause', 'Police found John Doe in his cell. The financier, who died in 2019, had been held for a month.', 'John Doe', 'The financier'],
    ['two heads joined, after an opening clause and a quoted title', 'John Doe teased the tour on Monday.\n\nAfter playing “Long Road,” the singer and guitarist told the crowd it was good.', 'John Doe', 'the singer and guitarist'],
    ['a modified office title', 'Mary Roe won the vote in Ohio. The first-term senator has won three states.', 'Mary Roe', 'The first-term senator'],
    ['a quoted work as a modifier', 'Jane Roe did not reply. Since then, the “Long Road” actress has spoken out.', 'Jane Roe', 'the “Long Road” actress'],
  ])('%s', (_, text, name, description) => {
    expect(person(text, name)?.description).toBe(description);
  });

  it('a style of nobility says more than a one-word title, but not more than a fuller one', () => {
    const styled = person('Prince John Roe gave an interview on Saturday. The Duke of Acmeshire said he had no regrets.', 'John Roe');
    expect(styled?.role).toBe('Prince');
    expect(styled?.description).toBe('The Duke of Acmeshire');
    const titled = person('Acme Foundation patron John Roe gave an interview. The Duke of Acmeshire said he had no regrets.', 'John Roe');
    expect(titled?.description).toBe('Acme Foundation patron');
  });

  it('an appositive or a title says who the person is before an epithet does', () => {
    const text = 'Acme chairman John Doe spoke. The billionaire investor left early.';
    expect(person(text, 'John Doe')?.description).toBe('Acme chairman');
  });

  it('beats a title the person shares with a list of names', () => {
    const text = 'Founding members John Doe and Peter Poe will tour.\n\nDoe teased the tour. The singer and guitarist told the crowd it was good.';
    expect(person(text, 'John Doe')?.role).toBe('Founding members');
    expect(person(text, 'John Doe')?.description).toBe('The singer and guitarist');
  });

  it.each([
    ['two people named before it', 'John Doe met Peter Poe. The billionaire investor said nothing.', 'John Doe'],
    ['a bare office title, which may mean someone unnamed', 'Jane Roe spoke first. The president said the plan was weak.', 'Jane Roe'],
    ['a noun that often means someone else', 'Police arrested John Doe. The victim was taken to hospital.', 'John Doe'],
    ['an object, not a subject', 'John Doe spoke. He met the billionaire investor on Monday.', 'John Doe'],
    ['the name in quoted words', '“John Doe has embarrassed us all,” the presumptive nominee wrote.', 'John Doe'],
    ['the name in the words before a speaker', 'Mary Roe spoke. John Doe has a plan, the columnist suggested on Monday.', 'John Doe'],
    ['a name of the other sex', 'John Doe spoke first. The actress said the plan was weak.', 'John Doe'],
    ['a name too far back', 'John Doe spoke first. The room was quiet. The billionaire investor said nothing.', 'John Doe'],
    ['a speaker after a quotation, who may be someone new', 'John Doe took the first question.\n\n“The plan is weak,” the longtime moderator said.', 'John Doe'],
  ])('not with %s', (_, text, name) => {
    expect(person(text, name)?.description).toBeUndefined();
  });

  it('a head of one sex picks out the one person of that sex', () => {
    const text = 'Peter Poe called Jane Roe, 29, however the pop songstress has not replied.';
    expect(person(text, 'Jane Roe')?.description).toBe('the pop songstress');
    expect(person(text, 'Peter Poe')?.description).toBeUndefined();
  });
});

describe('the title and where the person is from, together', () => {
  it.each([
    ['an affiliation after a title', 'Senator Jane Roe of Kentucky said the bill would pass.', 'Jane Roe', 'Senator, of Kentucky'],
    ['a hometown after a title', 'Acme President Jane Roe, 55, of Addison, spoke first.', 'Jane Roe', 'Acme President, 55, of Addison'],
  ])('%s', (_, text, name, description) => {
    const p = person(text, name);
    expect(p?.description).toBe(description);
  });

  it('a role in the appositive needs no title beside it', () => {
    expect(person('Acme President Jane Roe, a former judge, spoke first.', 'Jane Roe')?.description).toBe('a former judge');
  });
});

describe('a headline’s title', () => {
  it('gives way to the title the article itself gives', () => {
    const text = 'Acme partner John Doe quits amid feud\n\nJane Roe is unhappy with the way her business partner John Doe has handled the feud.';
    expect(person(text, 'John Doe')?.role).toBe('her business partner');
  });

  it('fills out a shorter title the article gives', () => {
    const text = 'Acme chairman John Doe announces layoffs\n\nIn an email, chairman John Doe told staff that layoffs will begin.';
    expect(person(text, 'John Doe')?.role).toBe('Acme chairman');
  });

  it('stands when the article gives no title', () => {
    const text = 'Acme chairman John Doe announces layoffs\n\nIn an email, Doe told staff that layoffs will begin.';
    expect(person(text, 'John Doe')?.role).toBe('Acme chairman');
  });
});

describe('what is not a description', () => {
  it('the verb of a relative clause before the name is no role', () => {
    expect(person('John Doe, who advises Attorney-General Jane Roe on crime, spoke.', 'Jane Roe')?.role).toBe('Attorney-General');
    expect(person('The film, which stars John Doe as himself, is sweet.', 'John Doe')?.role).toBeUndefined();
    // A determiner after the relative still opens a role: "which his colleague John Doe defended".
    expect(person('It was a piece (which his colleague John Doe defended) that angered them.', 'John Doe')?.role).toBe('his colleague');
  });

  it('the next item of a list of things after a name is no appositive', () => {
    const text = 'He praised the cubist art of Pablo Roe, the radical fashions of Coco Doe, the poetry of Gertrude Smith, and the music of Claude Jones.';
    expect(person(text, 'Coco Doe')?.description).toBeUndefined();
    // A role noun before the "of" still says who the person is.
    expect(person('The plan won the support of Jane Roe, the head of Acme Corp.', 'Jane Roe')?.description).toBe('the head of Acme Corp.');
  });

  it('a verb in -ed after the name opens no appositive', () => {
    const text = 'At the hearing, the witnesses, former astronaut Tom Doe and retired aerospace executive John Roe, backed up that assessment.';
    expect(person(text, 'John Roe')?.description).toBe('retired aerospace executive');
  });

  it('a comparative or a small word in capitals is no part of a role', () => {
    expect(person('Critics of John Doe are starting to feel that the longer John Doe waits, the better.', 'John Doe')?.role).toBeUndefined();
    expect(person('AS Opposition Leader Jane Roe said no.', 'Jane Roe')?.role).toBe('Opposition Leader');
    expect(person('It was a great John Doe performance.', 'John Doe')?.role).toBeUndefined();
    expect(person('US Trade Representative Jane Roe said no.', 'Jane Roe')?.role).toBe('US Trade Representative');
    expect(person('Reports suggest that former security chief Jane Roe was ousted.', 'Jane Roe')?.role).toBe('former security chief');
  });

  it('a name that opens a list of subjects has no appositive', () => {
    expect(person('In 1963 John Roe, his secretary, his programmer and his graduate students all shared the office.', 'John Roe')?.description).toBeUndefined();
    // A verb in -ed before a determiner ends the phrase; inside a who clause it does not.
    expect(person('Jane Roe, a lawyer who represented the family, spoke.', 'Jane Roe')?.description).toBe('a lawyer who represented the family');
  });

  it('an abstract noun in -ery or -ory is no one', () => {
    expect(person('“Of all that was written about Roe, the great discovery — nothing.” John Roe died in 2008.', 'John Roe')?.description).toBeUndefined();
  });

  it('a person noun only WordNet lists is no epithet', () => {
    expect(person('John Smith left the house at noon. The burglar said nothing.', 'John Smith')?.description).toBeUndefined();
  });

  it('reads "known" only before "as" or "for"', () => {
    expect(person('Jane Roe, known to few outside the town, spoke on Monday.', 'Jane Roe')?.description).toBeUndefined();
  });

  it('"known as" another name is not a description', () => {
    expect(person('The column is written by Abigail Roe, also known as Jane Doe, and was founded by her mother.', 'Abigail Roe')?.description).toBeUndefined();
  });

  it.each([
    ['a speech verb after the comma', 'Jane Roe, said the agent, was not there.', 'Jane Roe'],
    ['an adverb after the comma', 'Jane Roe, however, said the case was weak.', 'Jane Roe'],
    ['an age alone', 'Jane Roe, 55, said the case was weak.', 'Jane Roe'],
    ['a degree alone', 'Jane Roe, MD, said the case was weak.', 'Jane Roe'],
    ['a group the person belongs to', 'He sought advice from one of the study authors, Owen Doe.', 'Owen Doe'],
    ['a new clause', 'The plan came from John Smith, the front-runners said.', 'John Smith'],
    ['a new clause with an irregular past tense', 'In 1909, Alfred Stieglitz, the photographer (and eventual husband of Georgia O’Keefe) gave Smith her own show.', 'Alfred Stieglitz'],
    ['where the person was', 'Donald Trump, at the White House, said no.', 'Donald Trump'],
    ['a who clause with no verb or noun', 'Kate Henshaw, who in 2008, won a prize, said no.', 'Kate Henshaw'],
    ['a new clause with a verb and "that"', 'After meeting John Smith, the nation learned that the plan was weak.', 'John Smith'],
    ['an appositive that never closes, after a clause opener', 'After meeting Jane Roe, the lawyer for Acme said the plan was weak.', 'Jane Roe'],
    ['a phrase that says who spoke, in commas', 'Jane Roe, the senator from Acme said, is a fraud.', 'Jane Roe'],
    ['a role before the name of whoever speaks', 'Jane Roe, Acme’s chief economist Tom Smith said the plan was weak.', 'Jane Roe'],
    ['a who clause that reports speech', 'Jane Roe, who said the plan was weak, left early.', 'Jane Roe'],
    ['a new clause with a present-tense verb', 'His guide was John Smith, the philosopher Mary Roe weaves a history of light.', 'John Smith'],
    ['an actor in brackets after a character', 'The film follows Jane Roe (the astounding Mary Smith) around town.', 'Jane Roe'],
    ['a list of things after the name', 'He admired the paintings of John Smith, the bold experiments of Acme, and the music of the age.', 'John Smith'],
    ['a plural of things after the name', 'The judge asked for the papers of Mary Roe, the tax returns, by Friday.', 'Mary Roe'],
    ['a company after the name', 'Fans turned on Jane Roe, her former label Big Acme, which owns her songs.', 'Jane Roe'],
  ])('%s', (_, text, name) => {
    const p = person(text, name);
    expect(p).toBeDefined();
    expect(p?.description).toBeUndefined();
    expect(p?.role).toBeUndefined();
  });

  it('a list of names is not a description of its first name', () => {
    for (const text of ['John Smith, Peter Jones and Mary Brown signed the letter.', 'The list included John Smith, Peter Jones and Mary Brown.']) {
      const people = findEntities(text).filter((e) => e.type === 'person');
      expect(people.map((e) => e.name).sort()).toEqual(['John Smith', 'Mary Brown', 'Peter Jones']);
      for (const p of people) expect(p.description).toBeUndefined();
    }
  });

  it('a title before the next name in a list is not a description', () => {
    expect(person('He met Jane Roe, President Obama and Mary Smith.', 'Jane Roe')?.description).toBeUndefined();
  });

  it('a capitalised "The" after the comma opens a title, not a description', () => {
    const entities = findEntities('He praised John Smith, The Lost City of Z, Graduation and Loveless.');
    expect(entities.find((e) => e.name === 'John Smith')?.description).toBeUndefined();
  });

  it('a place and its country are not a description', () => {
    const entities = findEntities('He flew to Paris, France, on Monday with John Smith.');
    expect(entities.find((e) => e.name === 'Paris')?.description).toBeUndefined();
    expect(entities.find((e) => e.name === 'John Smith')?.description).toBeUndefined();
  });
});

describe('single-mention helpers', () => {
  it('findRole and findDescription read one mention on their own', async () => {
    const { findRole, findDescription } = await import('../../lib/analysis/descriptions');
    const { findTitles, markHeadingLines } = await import('../../lib/analysis/entities-candidates');
    const { tokenize } = await import('../../lib/analysis/tokens');
    const text = 'Acme President Jane Roe, a former federal prosecutor, spoke.';
    const tokens = tokenize(text);
    markHeadingLines(tokens);
    const first = tokens.findIndex((t) => t.text === 'Jane');
    expect(findRole(text, tokens, first, findTitles(tokens), new Map())).toBe('Acme President');
    expect(findDescription(text, tokens, first + 1)).toBe('a former federal prosecutor');
  });
});
