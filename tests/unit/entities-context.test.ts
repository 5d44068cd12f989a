// Types the sentence gives a name: outlets someone told, platforms something was posted on, venues
// written with their address, places named as an employer, plural acronyms and owned event names.
// Made-up names and sentences throughout.
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/analysis/entities';
import { isPluralAcronym } from '../../lib/analysis/entities-context';
import type { Entity } from '../../lib/analysis/types';

function typed(text: string): Map<string, Entity['type']> {
  const out = new Map<string, Entity['type']>();
  for (const e of findEntities(text)) for (const m of e.mentions) out.set(text.slice(m.start, m.end), e.type);
  return out;
}

describe('outlets', () => {
  it.each([
    ['Lanternpost', 'Earlier this year, the singer Jane Roe told Lanternpost the band had been in the studio.'],
    ['Quarry Lamp', 'The label said in a separate statement to Quarry Lamp that talks had stalled.'],
    ['Harbinger', 'The statement, which was obtained by Harbinger, said the two sides had reached a deal.'],
  ])('%s, which someone told or gave a statement to, is an organisation', (name, text) => {
    expect(typed(text).get(name)).toBe('organization');
  });

  it('reads an acronym given as a source as an organisation', () => {
    const text = 'Tickets go on sale Friday. According to QRN, fans can expect new songs.';
    expect(typed(text).get('QRN')).toBe('organization');
  });

  it('keeps a person the article names as a person when told something', () => {
    const text = 'The coach, Maren Tollbrook, spoke after the game. Her assistant told Tollbrook the bus was late.';
    const types = typed(text);
    expect(types.get('Tollbrook')).toBe('person');
  });
});

describe('platforms', () => {
  it('reads a name someone posted on as an organisation, and so its other mentions', () => {
    const text = 'Last week Jane Roe posted on Chirpline accusing the label of bullying. Chirpline removed the post.';
    const types = typed(text);
    expect([...findEntities(text)].filter((e) => e.name === 'Chirpline').map((e) => e.type)).toEqual(['organization']);
    expect(types.get('Jane Roe')).toBe('person');
  });

  it('types a whole list after "posted on"', () => {
    const text = 'The singer Jane Roe posted on Chirpline, Photogram and Vidtube that the show was off.';
    const types = typed(text);
    expect(types.get('Chirpline')).toBe('organization');
    expect(types.get('Photogram')).toBe('organization');
    expect(types.get('Vidtube')).toBe('organization');
  });

  it('reads a name with a post or an account as a platform', () => {
    const text = 'In an Instablur post on Sunday, the singer Jane Roe thanked her fans. Her Chirpline account was quiet.';
    const types = typed(text);
    expect(types.get('Instablur')).toBe('organization');
    expect(types.get('Chirpline')).toBe('organization');
  });

  it('reads no names on a promotion line', () => {
    const text = 'The tour was cancelled on Monday.\n\nFollow Nightbeat on Photogram, Chirpline and Vidtube.\n\nThe singer apologised.';
    expect(findEntities(text).map((e) => e.name)).not.toContain('Photogram');
  });
});

describe('venues with their address', () => {
  it('reads the whole venue before ", Town, ST" as one place', () => {
    const text = 'June 26 -- QRX Center, Dallowtown, PA\n\nJune 27 -- KL&M Pavilion, Camberly, NJ\n\nJune 30 -- Northvale Health at Ferris Beach Theater, Wantley, NY';
    const types = typed(text);
    expect(types.get('QRX Center')).toBe('place');
    expect(types.get('KL&M Pavilion')).toBe('place');
    expect(types.get('Northvale Health at Ferris Beach Theater')).toBe('place');
    expect(types.has('Ferris')).toBe(false);
  });
});

describe('a company listed with its seat', () => {
  it('keeps a company on a line of its own with its town and state an organisation', () => {
    const text = 'The newly selected five are:\n\nTarnwell Robotics, Palo Alto, California\n\nVexmoor Aerospace, Kent, Washington';
    const types = typed(text);
    expect(types.get('Tarnwell Robotics')).toBe('organization');
    expect(types.get('Vexmoor Aerospace')).toBe('organization');
  });
});

describe('organisations by how the article uses a name', () => {
  it('reads a known place named as an employer ("a former X adviser") as an organisation throughout', () => {
    const text = 'The envoy met officials at the White House on Monday. A former White House Russia adviser, Jane Roe, testified.';
    const types = typed(text);
    expect(types.get('White House')).toBe('organization');
  });

  it('keeps a person the article names in full before ", which"', () => {
    const text = 'The chief executive spoke with founder Marc Tenniworth on Tuesday.\n\n"We want more," Cook told Tenniworth, which ultimately meant new software.';
    expect(typed(text).get('Tenniworth')).toBe('person');
  });

  it('reads a name followed by ", which" as no person', () => {
    const text = 'Her first albums were released through Quorral Vane, which was bought out last year. Quorral Vane denied it.';
    expect(typed(text).get('Quorral Vane')).not.toBe('person');
  });

  it('reads a band named with "Brothers" as an organisation, and its plural short name too', () => {
    const text = 'A half century on, The Tallow Brothers are still touring. Also, the Tallows will play three new songs.';
    const types = typed(text);
    expect(types.get('The Tallow Brothers')).toBe('organization');
    expect(types.get('Tallows')).toBe('organization');
  });

  it('reads a name written with "hotel" as a place', () => {
    const text = "Later he took the child to the Brackley's SnoozeWell Suites hotel, where he held her.";
    expect(typed(text).get('SnoozeWell Suites')).toBe('place');
  });

  it('reads the lone word in "the X entertainment giant" as the home town', () => {
    const text = 'Problems began last week when the Tarrowby entertainment giant launched its streaming service.';
    expect(typed(text).get('Tarrowby')).toBe('place');
  });

  it('reads a town before "police" as a place', () => {
    const text = 'It was around midnight when a tip led Brackley Hill police officers to the motel.';
    expect(typed(text).get('Brackley Hill')).toBe('place');
  });
});

describe('names that are no names', () => {
  it('drops plural acronyms, which name events and prizes', () => {
    expect(isPluralAcronym('QMAs')).toBe(true);
    expect(isPluralAcronym('NATO')).toBe(false);
    expect(isPluralAcronym('Ms')).toBe(false);
    const text = 'Jane Roe will perform at the QMAs after all, the organisers of the QMAs said.';
    expect(findEntities(text).map((e) => e.name)).not.toContain('QMAs');
  });

  it("drops a name used only for its owner's event", () => {
    const text = "The chairman spoke on Tuesday at Orvane Media's Quill Media conference in Hollywood.";
    const names = findEntities(text).map((e) => e.name);
    expect(names).not.toContain('Quill Media');
    expect(names).toContain('Orvane Media');
  });
});

describe('names in a list', () => {
  it('gives an untyped full name the type of the people it is listed with', () => {
    const text = 'He reps the likes of Justin Roebury, Demi Lovatto and Ariana Grellin.';
    expect(typed(text).get('Ariana Grellin')).toBe('person');
  });

  it('gives an untyped word the type of the organisations it is listed with', () => {
    const text = 'He led key acquisitions, including Tarnwell Entertainment, Quillfilm and Brannock Studios, over the decade.';
    expect(typed(text).get('Quillfilm')).toBe('organization');
  });

  it('leaves a pair of places and a compound alone', () => {
    const text = 'The troops set up a checkpoint on the road between Tuzla and Mahrovac on Sunday.';
    expect(typed(text).get('Mahrovac')).not.toBe('organization');
  });
});

describe('names joined by "and"', () => {
  it('reads a common noun, "and" and more capitalised words as one organisation', () => {
    const text = 'The figures come from Tariffs and Harbor Inspection, which measures seizures by weight.';
    expect(typed(text).get('Tariffs and Harbor Inspection')).toBe('organization');
  });

  it('keeps a company and a person joined by "and" apart', () => {
    const text = 'The rockets were built by Grey Origin and Elon Tarrow over a decade.';
    expect(typed(text).has('Grey Origin and Elon Tarrow')).toBe(false);
  });

  it('keeps two names joined by "and" apart', () => {
    const text = 'Next week Kelvor Electric Power and Brannock International Airport will sell bonds.';
    expect(typed(text).has('Power and Brannock International Airport')).toBe(false);
  });
});

describe('prizes and halls of fame', () => {
  it('reads no name in what one wins N times', () => {
    const text = 'The four-time Quillard winning band will tour again next summer, its manager Jane Roe said.';
    expect(findEntities(text).map((e) => e.name)).not.toContain('Quillard');
  });

  it('reads "X Hall of Fame" as one organisation', () => {
    const text = 'Long considered one of the Jazz & Soul Hall of Fame great slights, the band was finally nominated.';
    expect(typed(text).get('Jazz & Soul Hall of Fame')).toBe('organization');
  });

  it('reads a listed venue ending in a venue word before ". Town, ST"', () => {
    const text = 'Sept. 4 -- Kelbrook Arena, Dallowtown, PA\n\nSept. 5 -- Ashgrove River Amphitheatre. Wantley, WA';
    expect(typed(text).get('Ashgrove River Amphitheatre')).toBe('place');
  });
});

describe('names of things', () => {
  it('reads no name in a disease named by its capitalised words', () => {
    const text = 'Doctors found that Jane Roe had Plume Quilt Lung disease.\n\nPlume Quilt Lung disease is rare, said Dr. Amos Keel.';
    const names = findEntities(text).map((e) => e.name);
    expect(names).not.toContain('Plume');
    expect(names).not.toContain('Quilt Lung');
    expect(names).not.toContain('Plume Quilt Lung');
    expect(names).toContain('Jane Roe');
  });
});

describe('names the page also writes as a web address', () => {
  it('reads the capitalised words of "NameName.com" as an organisation', () => {
    const text = 'The band is on the road again.\n\nTicket Harbor is producing the tour, with tickets on sale Friday at TicketHarbor.com.';
    expect(typed(text).get('Ticket Harbor')).toBe('organization');
  });
});

describe('products written with a common noun\'s grammar', () => {
  it('reads no person in a name the article writes after "the" or a size', () => {
    const text =
      'The new 14-inch Velmora Pro arrives next month, said Jane Roe, who leads design at Quillware.\n\n' +
      'The Velmora Pro has a brighter screen than the old 13-inch Velmora Pro, Roe said.';
    const names = findEntities(text).map((e) => e.name);
    expect(names).not.toContain('Velmora Pro');
    expect(names).toContain('Jane Roe');
  });

  it('reads no person in a title after "her novel" or "the film"', () => {
    const text = 'Critics praised her debut novel Marrow Lane, said Jane Roe, who reviewed it.';
    const names = findEntities(text).map((e) => e.name);
    expect(names).not.toContain('Marrow Lane');
    expect(names).toContain('Jane Roe');
  });

  it('keeps a person the article also names with a title', () => {
    const text = 'Dr. Tobin Arkwright spoke first. The Tobin Arkwright who founded the clinic was his father.';
    expect(typed(text).get('Tobin Arkwright')).toBe('person');
  });
});

describe('holidays, brands and shops', () => {
  it('reads no name in a holiday or sale named by an ordinary word and a day', () => {
    const text = 'Prices on the Velmora tablet drop for Black Friday, and again on Cyber Monday.\n\nShops expect crowds before Mothers Day, said Jane Roe.';
    const names = findEntities(text).map((e) => e.name);
    expect(names).not.toContain('Black');
    expect(names).not.toContain('Cyber');
    expect(names).not.toContain('Mothers');
    expect(names).toContain('Jane Roe');
  });

  it('keeps a name dated by its weekday', () => {
    const text = 'The mayor, Jane Roe, wrote in a letter posted on Chirpline Tuesday that the vote would go ahead.';
    expect(typed(text).get('Chirpline')).toBe('organization');
  });

  it('reads a name before a device or browser noun as a brand, not a place', () => {
    const text = 'The port runs smoothly in Zentrix, where the Zentrix browser shows stutters, said Jane Roe.';
    expect(typed(text).get('Zentrix')).toBe('organization');
  });

  it('reads a lone unknown name that offers or sells things as a company', () => {
    const text = 'The Velmora tablet costs $700 at most shops, and Marketon is selling it for less.';
    expect(typed(text).get('Marketon')).toBe('organization');
  });

  it('reads a listed place name one rents or buys things on as an organisation', () => {
    const text = 'The film is available to rent on Quibly, Amazon and Vudora. The Velmora earbuds dropped to an all-time low on Amazon this week.';
    expect(typed(text).get('Amazon')).toBe('organization');
    // A city or a river keeps its type: "the Amazon", "live on Broadway" say nothing of a shop.
    const place = 'Fires burned across the Amazon this year, and the band played live on Broadway.';
    expect(typed(place).get('Amazon')).toBe('place');
  });

  it('reads teams on a results line as organisations, and keeps a pitcher\'s record a person\'s', () => {
    const text = 'GIRLS BASKETBALL\nOakmere d. Brindle Falls 70-44\nOakmere (1-0): Coach Tia Lowell said the team played well. Later the Quarrymen (9-1, 6-1) play the Stagwoods (2-8, 0-7) on Saturday.';
    const types = typed(text);
    expect(types.get('Oakmere')).toBe('organization');
    expect(types.get('Brindle Falls')).toBe('organization');
    expect(types.get('Tia Lowell')).toBe('person');
    const pitcher = 'The Rangers won again. Darnell Quist (7-5) allowed two runs, and Quist struck out nine.';
    expect(typed(pitcher).get('Darnell Quist')).toBe('person');
  });

  it('reads a name the article calls a group or a company in an appositive as an organisation', () => {
    const text = 'The plan failed. Halvorsen Brix, a Denver-based rights group, condemned it, and Belmore Kade, the Ohio company, agreed.';
    const types = typed(text);
    expect(types.get('Halvorsen Brix')).toBe('organization');
    expect(types.get('Belmore Kade')).toBe('organization');
    // A person's appositive with a body's word inside it keeps the person.
    expect(typed('The plan failed. Greta Lind, a group leader, spoke, and Tomas Reyes, the head of a company, agreed.').get('Greta Lind')).toBe('person');
  });

  it('reads a name joined by "bin" as a person', () => {
    expect(typed('In the mid-1990s, Rashid bin Qasmar lived in the capital as a guest of the government.').get('Rashid bin Qasmar')).toBe('person');
  });

  it('reads the name whose request for comment went unanswered as an outlet', () => {
    const text = 'The governor defended the campaign. Her office did not respond to The Quillpost\'s request for comment.';
    expect(typed(text).get('The Quillpost')).toBe('organization');
  });

  it('reads a name that opens with "The" as no person', () => {
    const text = 'The case went on. Lena Ortiz, the tenant\'s lawyer, told The Hill that the eviction was unlawful. The landlord did not respond to The Hill\'s request for comment.';
    expect(typed(text).get('The Hill')).toBe('organization');
    expect(typed(text).get('Lena Ortiz')).toBe('person');
  });

  it('reads a name the lists know as a person as that person beside an organisation it opens', () => {
    const text = 'An aide at the Obama National Security Council spoke to the inspector. Would there have been hearings against Obama? Obama declined to comment.';
    expect(typed(text).get('Obama')).toBe('person');
  });

  it('reads a listed place name used as a shop as an organisation, and keeps "the" place', () => {
    const shop = 'Today only, Amazon offers the Velmora tablet for $700. Free shipping is available.';
    expect(typed(shop).get('Amazon')).toBe('organization');
    const river = 'The expedition travelled up the Amazon for three weeks, said Jane Roe.';
    expect(typed(river).get('Amazon')).toBe('place');
  });
});
