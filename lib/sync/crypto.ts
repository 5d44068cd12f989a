// End-to-end encryption of what Lede puts on the reader's server. The server sees only:
//   - `lede-keyinfo.json`, unencrypted: a random salt, the KDF's parameters and a key-check value
//     (a known text encrypted under the key), so a wrong passphrase is told apart from a damaged
//     file before anything is written;
//   - files named by HMAC-SHA-256 (hex), whose contents are AES-GCM ciphertext.
//
// Keys. PBKDF2-SHA-256 with 600,000 iterations (OWASP's 2023 figure for PBKDF2-SHA-256) and a
// 16-byte random salt turns the passphrase into 256 master bits; HKDF-SHA-256 then derives two
// independent keys from them, one for AES-256-GCM and one for HMAC-SHA-256 file names, so the name
// key never encrypts and the encryption key never names. PBKDF2 because WebCrypto has it everywhere
// (Argon2 would need a WebAssembly dependency); the iteration count is stored, so it can rise later,
// and a keyinfo asking for fewer than the minimum is refused (a server can't talk a device down).
//
// Files. Each write gets a fresh random 96-bit IV (GCM's standard size; random IVs stay safe far
// beyond the number of writes a library makes). The file name is the GCM additional data, so the
// server can't swap one file's contents for another's.
//
// The passphrase itself is never stored. What may be kept is the master bits (SyncKeys.master) in
// chrome.storage.session, which lives only while the browser runs: after a restart Lede asks again.

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

export const KEYINFO_NAME = 'lede-keyinfo.json';
export const DEFAULT_ITERATIONS = 600_000;
/** The fewest iterations a device accepts from a keyinfo file; tests pass a lower floor explicitly. */
export const MIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const FILE_FORMAT = 1;
const CHECK_TEXT = 'lede key check v1';

/** `lede-keyinfo.json`: everything needed to derive the key again, and to check it. Not secret. */
export interface KeyInfo {
  format: 'lede-keyinfo';
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  /** base64 of an encrypted CHECK_TEXT, as a file named KEYINFO_NAME. */
  check: string;
}

export interface SyncKeys {
  /** AES-GCM, non-extractable. */
  readonly encrypt: CryptoKey;
  /** HMAC-SHA-256, non-extractable: file names and shards. */
  readonly names: CryptoKey;
  /** The PBKDF2 output the keys came from, to keep in session storage (never on disk, never sent). */
  readonly master: Uint8Array;
}

/** The passphrase does not open this server's library. */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
  constructor() {
    super('wrong passphrase');
  }
}

/** A file on the server that isn't one Lede wrote under this key (damaged, or replaced). */
export class DamagedFileError extends Error {
  override name = 'DamagedFileError';
  constructor(readonly file: string, why: string) {
    super(`${file}: ${why}`);
  }
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

// WebCrypto wants ArrayBuffer-backed views; copying keeps callers' SharedArrayBuffer views out.
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  return Uint8Array.from(raw, (char) => char.charCodeAt(0));
}

function toHex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function masterBits(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await subtle().importKey('raw', ENCODER.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: buffer(salt), iterations }, material, 256);
  return new Uint8Array(bits);
}

/** The two working keys from the master bits (also how a session-stored master is turned back into keys). */
export async function keysFromMaster(master: Uint8Array): Promise<SyncKeys> {
  const hkdf = await subtle().importKey('raw', buffer(master), 'HKDF', false, ['deriveKey']);
  const params = (info: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: ENCODER.encode(info) });
  const encrypt = await subtle().deriveKey(params('lede sync: records'), hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const names = await subtle().deriveKey(params('lede sync: file names'), hkdf, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  return { encrypt, names, master: buffer(master) };
}

/** A new keyinfo (fresh salt) and its keys, for a server that holds no Lede library yet. */
export async function createKeyInfo(passphrase: string, iterations: number = DEFAULT_ITERATIONS): Promise<{ info: KeyInfo; keys: SyncKeys }> {
  if (passphrase === '') throw new Error('The passphrase must not be empty');
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const keys = await keysFromMaster(await masterBits(passphrase, salt, iterations));
  const check = await encryptFile(keys, KEYINFO_NAME, ENCODER.encode(CHECK_TEXT));
  const info: KeyInfo = { format: 'lede-keyinfo', version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) }, check: toBase64(check) };
  return { info, keys };
}

/** Reads `lede-keyinfo.json`; throws DamagedFileError for anything else (or a KDF weaker than `minIterations`). */
export function parseKeyInfo(bytes: Uint8Array, minIterations: number = MIN_ITERATIONS): KeyInfo {
  let value: unknown;
  try {
    value = JSON.parse(DECODER.decode(bytes));
  } catch {
    throw new DamagedFileError(KEYINFO_NAME, 'not JSON');
  }
  const info = value as Partial<KeyInfo> | null;
  const kdf = info?.kdf;
  if (info?.format !== 'lede-keyinfo' || info.version !== 1 || typeof info.check !== 'string') throw new DamagedFileError(KEYINFO_NAME, 'not a Lede key file');
  if (kdf?.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || typeof kdf.salt !== 'string' || !Number.isInteger(kdf.iterations)) throw new DamagedFileError(KEYINFO_NAME, 'unknown key derivation');
  if (kdf.iterations < minIterations || kdf.iterations > 100_000_000) throw new DamagedFileError(KEYINFO_NAME, `refusing ${kdf.iterations} PBKDF2 iterations`);
  return info as KeyInfo;
}

export function serializeKeyInfo(info: KeyInfo): Uint8Array {
  return ENCODER.encode(`${JSON.stringify(info, null, 2)}\n`);
}

/** The keys for an existing library; throws WrongPassphraseError when the key check doesn't open. */
export async function unlock(passphrase: string, info: KeyInfo): Promise<SyncKeys> {
  const keys = await keysFromMaster(await masterBits(passphrase, fromBase64(info.kdf.salt), info.kdf.iterations));
  await checkKeys(keys, info);
  return keys;
}

/** Throws WrongPassphraseError unless these keys open the keyinfo's check value (a session key against a changed server). */
export async function checkKeys(keys: SyncKeys, info: KeyInfo): Promise<void> {
  let text: string;
  try {
    text = DECODER.decode(await decryptFile(keys, KEYINFO_NAME, fromBase64(info.check)));
  } catch {
    throw new WrongPassphraseError();
  }
  if (text !== CHECK_TEXT) throw new WrongPassphraseError();
}

/** [format byte][96-bit IV][AES-GCM ciphertext and tag], bound to the file's name. */
export async function encryptFile(keys: SyncKeys, name: string, plaintext: Uint8Array): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: ENCODER.encode(name) }, keys.encrypt, buffer(plaintext)));
  const file = new Uint8Array(1 + IV_BYTES + sealed.length);
  file[0] = FILE_FORMAT;
  file.set(iv, 1);
  file.set(sealed, 1 + IV_BYTES);
  return file;
}

export async function decryptFile(keys: SyncKeys, name: string, file: Uint8Array): Promise<Uint8Array> {
  if (file.length < 1 + IV_BYTES + 16 || file[0] !== FILE_FORMAT) throw new DamagedFileError(name, 'not a Lede file');
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: buffer(file.subarray(1, 1 + IV_BYTES)), additionalData: ENCODER.encode(name) }, keys.encrypt, buffer(file.subarray(1 + IV_BYTES)));
    return new Uint8Array(plain);
  } catch {
    throw new DamagedFileError(name, 'does not decrypt under this key');
  }
}

async function hmac(keys: SyncKeys, text: string): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign('HMAC', keys.names, ENCODER.encode(text)));
}

/** The shard (0..shards-1) a record lives in: from HMAC(kind, id), so ids never show in which file changed. */
export async function shardOf(keys: SyncKeys, kind: string, id: string, shards: number): Promise<number> {
  const mac = await hmac(keys, `record\u0000${kind}\u0000${id}`);
  return new DataView(mac.buffer, mac.byteOffset, 4).getUint32(0) % shards;
}

/** A shard file's name on the server: 32 hex digits of HMAC(kind, shard), with a fixed extension. */
export async function shardFileName(keys: SyncKeys, kind: string, shard: number): Promise<string> {
  return `${toHex((await hmac(keys, `file\u0000${kind}\u0000${shard}`)).subarray(0, 16))}.lede`;
}
