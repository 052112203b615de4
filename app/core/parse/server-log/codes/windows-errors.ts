/**
 * Windows errors a service's start or end names (winerror.h), with their English texts (FormatMessage's, as the message quotes them
 * after "the following error:"): the numbers have words of their own (serverLog.winError.N); the English texts let a copy without
 * XML be read.
 */
export const WIN32_ERRORS: Readonly<Record<number, string>> = {
  2: 'The system cannot find the file specified',
  3: 'The system cannot find the path specified',
  5: 'Access is denied',
  31: 'A device attached to the system is not functioning',
  87: 'The parameter is incorrect',
  126: 'The specified module could not be found',
  193: 'is not a valid Win32 application',
  1053: 'The service did not respond to the start or control request in a timely fashion',
  1058: 'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it',
  1066: 'The service has returned a service-specific error code',
  1067: 'The process terminated unexpectedly',
  1068: 'The dependency service or group failed to start',
  1069: 'The service did not start due to a logon failure',
  1075: 'The dependency service does not exist or has been marked for deletion',
  1114: 'A dynamic link library (DLL) initialization routine failed',
};
