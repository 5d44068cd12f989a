// Lower-casing for the hot paths: most words are already lower-case ASCII, and String.prototype.toLowerCase
// costs a call and often a new string even then.

/** word.toLowerCase(): the word itself when it is ASCII without capitals (the common case). */
export function lowerCase(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return word.toLowerCase();
  }
  return word;
}
