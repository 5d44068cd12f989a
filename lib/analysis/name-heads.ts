// Head words that type a multi-word name by its last word, beyond what CoNLL-2003 (Reuters, 1996)
// taught the learned lists: how today's companies, studios and venues are named ("Acme Robotics",
// "Northwind Studios", "Harbor Amphitheatre"), and how news writes a town with its state
// ("Camden, N.J.", "Allentown, PA").

/** Last words of company and institution names. */
const COMPANY_HEADS = new Set([
  'Productions', 'Studios', 'Studio', 'Media', 'Entertainment', 'Animation', 'Pictures', 'Films', 'Records', 'Music',
  'Publishing', 'Publications', 'Networks', 'Network', 'Broadcasting', 'Communications', 'Telecom', 'Technologies',
  'Technology', 'Tech', 'Robotics', 'Aerospace', 'Systems', 'Software', 'Labs', 'Laboratories', 'Solutions',
  'Dynamics', 'Industries', 'Holdings', 'Partners', 'Capital', 'Ventures', 'Investments', 'Securities', 'Financial',
  'Bancorp', 'Insurance', 'Pharmaceuticals', 'Pharma', 'Therapeutics', 'Biotech', 'Biosciences', 'Healthcare',
  'Hospital', 'Clinic', 'Airlines', 'Airways', 'Motors', 'Automotive', 'Energy', 'Petroleum', 'Foods', 'Brands',
  'Retail', 'Stores', 'Logistics', 'Shipping', 'Games', 'Interactive', 'Electronics', 'Semiconductor', 'Enterprises',
  'Inc', 'Inc.', 'Corp', 'Corp.', 'Co.', 'Ltd', 'Ltd.', 'LLC', 'PLC', 'Plc', 'AG', 'SA', 'GmbH', 'LP', 'LLP',
  'Foundation', 'Association', 'Society', 'Coalition', 'Alliance', 'Federation', 'Institute', 'Academy', 'School',
  'College', 'University', 'Commission', 'Committee', 'Council', 'Agency', 'Bureau', 'Department', 'Ministry',
  'Administration', 'Authority', 'Board', 'Court', 'Police', 'Party', 'Union', 'Guard', 'Army', 'Navy', 'Channel',
  'Magazine', 'Records',
  // Bands and family firms: "Lehman Brothers", "the Jackson Sisters", "the Radio Orchestra".
  'Brothers', 'Bros', 'Bros.', 'Sisters', 'Band', 'Orchestra', 'Choir', 'Ensemble', 'Quartet',
]);

/** Last words of venues: places people go to, not organisations. */
const VENUE_HEADS = new Set([
  'Amphitheatre', 'Amphitheater', 'Pavilion', 'Arena', 'Stadium', 'Auditorium', 'Coliseum', 'Colosseum', 'Ballpark',
  'Speedway', 'Raceway', 'Airport', 'Fairgrounds', 'Boulevard', 'Avenue', 'Plaza', 'Theatre', 'Theater', 'Hall',
  'Gardens', 'Park', 'Square', 'Stage',
]);

/** US states as news writes them after a town: postal codes and AP abbreviations. */
const STATE_CODES = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'D.C.', 'Ala.', 'Ariz.', 'Ark.', 'Calif.', 'Colo.',
  'Conn.', 'Del.', 'Fla.', 'Ga.', 'Ill.', 'Ind.', 'Kan.', 'Ky.', 'La.', 'Md.', 'Mass.', 'Mich.', 'Minn.', 'Miss.', 'Mo.',
  'Mont.', 'Neb.', 'Nev.', 'N.H.', 'N.J.', 'N.M.', 'N.Y.', 'N.C.', 'N.D.', 'Okla.', 'Ore.', 'Pa.', 'R.I.', 'S.C.', 'S.D.',
  'Tenn.', 'Vt.', 'Va.', 'Wash.', 'W.Va.', 'Wis.', 'Wyo.',
  // Canadian provinces the same way.
  'ON', 'QC', 'BC', 'AB', 'MB', 'NS', 'NB', 'Ont.', 'Que.',
]);

const STATE_NAMES = new Set([
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire',
  'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington',
  'West Virginia', 'Wisconsin', 'Wyoming', 'Ontario', 'Quebec', 'British Columbia', 'Alberta',
]);

export function isCompanyHead(word: string): boolean {
  return COMPANY_HEADS.has(word);
}

export function isVenueHead(word: string): boolean {
  return VENUE_HEADS.has(word);
}

/** A state or province code as written after a town: "NJ", "N.J.", "Calif.". */
export function isStateCode(word: string): boolean {
  // The tokenizer leaves the period of "Calif." apart.
  return STATE_CODES.has(word) || STATE_CODES.has(`${word}.`);
}

/** A US state's (or Canadian province's) full name. */
export function isStateName(name: string): boolean {
  return STATE_NAMES.has(name);
}
