/**
 * The header the app server adds to its own 401s (the dashboard session ended, as opposed to the
 * upstream refusing the token); its value is the sign-in page's path.
 */
export const SIGN_IN_HEADER = 'x-callscope-sign-in';
