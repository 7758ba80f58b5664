/** The part of an email address after its last "@", lower-case: what a company's addresses share. */
export function emailHost(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
