// When two written names are one name: a first name and its nickname ("Josh" / "Joshua", "Bill" / "William"),
// two spellings of one long surname ("Zelensky" / "Zelenskiy"), an acronym and its long form ("U.N." / "United
// Nations"). Pure string tests, shared by the article's entity linking and the cross-article reading history.

/** Nicknames that do not begin with their full name's first letters; the prefix rule covers "Josh", "Dan", "Chris". */
const IRREGULAR_NICKNAMES: Record<string, readonly string[]> = {
  william: ['bill', 'billy', 'will', 'willie', 'liam'],
  robert: ['bob', 'bobby', 'rob', 'robbie', 'bert'],
  richard: ['dick', 'rick', 'ricky', 'rich', 'richie'],
  michael: ['mike', 'mikey', 'mick', 'mickey'],
  james: ['jim', 'jimmy', 'jamie'],
  thomas: ['tom', 'tommy'],
  john: ['jack', 'johnny'],
  edward: ['ed', 'eddie', 'ted', 'teddy', 'ned'],
  charles: ['chuck', 'charlie', 'chas'],
  henry: ['hank', 'harry'],
  anthony: ['tony'],
  margaret: ['peggy', 'maggie', 'meg', 'marge'],
  elizabeth: ['liz', 'beth', 'betty', 'lizzie', 'eliza', 'betsy'],
  katherine: ['kate', 'katie', 'kathy', 'kat'],
  catherine: ['cathy', 'kate', 'katie', 'cat'],
  patricia: ['pat', 'patty', 'trish'],
  rebecca: ['becky', 'becca'],
  susan: ['sue', 'susie'],
  joseph: ['joe', 'joey'],
  lawrence: ['larry'],
  theodore: ['ted', 'teddy', 'theo'],
  nicholas: ['nick', 'nicky'],
  alexander: ['alex', 'sasha', 'sandy'],
  alexandra: ['alex', 'sasha', 'sandy'],
  andrew: ['andy', 'drew'],
  steven: ['steve'],
  stephen: ['steve'],
  gerald: ['jerry'],
  jerome: ['jerry'],
  francis: ['frank', 'frankie'],
  frederick: ['fred', 'freddie'],
  samuel: ['sam', 'sammy'],
  deborah: ['debbie', 'deb'],
  jennifer: ['jen', 'jenny'],
  christopher: ['chris', 'kit'],
  daniel: ['dan', 'danny'],
  benjamin: ['ben', 'benny'],
  matthew: ['matt'],
  joshua: ['josh'],
  jonathan: ['jon', 'jonny'],
  timothy: ['tim', 'timmy'],
  kenneth: ['ken', 'kenny'],
  ronald: ['ron', 'ronnie'],
  donald: ['don', 'donnie'],
  douglas: ['doug'],
  gregory: ['greg'],
  jeffrey: ['jeff'],
  geoffrey: ['geoff', 'jeff'],
  peter: ['pete'],
  raymond: ['ray'],
  abraham: ['abe'],
  albert: ['al', 'bert'],
  victoria: ['vicky', 'tori'],
  valerie: ['val'],
  dorothy: ['dot', 'dottie'],
  barbara: ['barb', 'babs'],
  cynthia: ['cindy'],
};

const NICKNAME_OF = new Map<string, Set<string>>();
for (const [full, nicks] of Object.entries(IRREGULAR_NICKNAMES)) {
  for (const nick of nicks) {
    const set = NICKNAME_OF.get(nick) ?? new Set<string>();
    set.add(full);
    NICKNAME_OF.set(nick, set);
  }
}

/** Lowercase letters only: "Zelenskiy’s" -> "zelenskiys" is not wanted, so callers pass bare words. */
export function fold(word: string): string {
  // ASCII has nothing to decompose: keep its letters, lowercased, without the Unicode machinery (a hot path).
  let ascii = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return foldUnicode(word);
    if (c >= 97 && c <= 122) ascii += word[i];
    else if (c >= 65 && c <= 90) ascii += String.fromCharCode(c + 32);
  }
  return ascii;
}

function foldUnicode(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** Could these two first names belong to one person: equal, a listed nickname, or a short form that begins the
 * long one ("Josh" / "Joshua", "Chris" / "Christopher"; three letters at least). */
export function sameFirstName(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (NICKNAME_OF.get(x)?.has(y) || NICKNAME_OF.get(y)?.has(x)) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.startsWith(short) && long.length - short.length <= 6;
}

/** Edit distance with adjacent swaps, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Two spellings of one long surname ("Zelensky" / "Zelenskiy", "Gaddafi" / "Gadhafi"): seven letters or more,
 * the same first two letters, one edit apart (two for eleven letters or more). Short names differ by one letter
 * too often ("Clark" / "Clarke" may be two people). */
export function similarSurname(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return x.length > 0;
  if (Math.min(x.length, y.length) < 7 || x.slice(0, 2) !== y.slice(0, 2)) return false;
  const max = Math.min(x.length, y.length) >= 11 ? 2 : 1;
  return editDistance(x, y, max) <= max;
}

/** Words a long form leaves out of its initials ("Federal Bureau of Investigation" -> FBI). */
const INITIAL_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'de', 'du', 'des', '&']);

/** The initials of a long form's capitalised words, lowercased ("United Nations" -> "un"); null for one word. */
export function initialsOf(name: string): string | null {
  const words = name.split(/\s+/).filter((w) => w !== '' && !INITIAL_SKIP.has(w.toLowerCase()));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return words.map((w) => fold(w[0] as string)).join('');
}

/** The letters of an acronym as written ("U.N.", "UN", "Dea" for a title-cased "DEA"), lowercased; null when the
 * string cannot be one (two to six letters, one word). */
export function acronymLetters(name: string): string | null {
  if (!/^(?:\p{Lu}\.?){2,6}$/u.test(name) && !/^\p{Lu}\p{Ll}{1,4}$/u.test(name)) return null;
  return fold(name);
}

/** Does `short` abbreviate `long` ("U.N." / "United Nations")? */
export function isAcronymOf(short: string, long: string): boolean {
  const letters = acronymLetters(short);
  return letters !== null && letters.length >= 2 && initialsOf(long) === letters;
}
