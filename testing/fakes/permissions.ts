// A browser.permissions stand-in for the options page's sections: `grant` is what the prompt
// answers, `held` whether the permission is there from the start; every request and removal is
// recorded in `calls`.

export interface FakePermissions {
  request(names: string[]): Promise<boolean>;
  remove(names: string[]): Promise<boolean>;
  contains(names: string[]): Promise<boolean>;
}

export function fakePermissions(grant: boolean, held = false): { calls: string[]; permissions: FakePermissions } {
  const calls: string[] = [];
  let granted = held;
  const permissions: FakePermissions = {
    request: async (names) => {
      calls.push(`request ${names.join(' ')}`);
      granted = grant;
      return grant;
    },
    remove: async (names) => {
      calls.push(`remove ${names.join(' ')}`);
      granted = false;
      return true;
    },
    contains: async () => granted,
  };
  return { calls, permissions };
}
