/** SSTP control message types, [MS-SSTP] §2.2.2 (Message Type field). */
export const SSTP_MESSAGES: Readonly<Record<number, string>> = {
  1: 'CALL_CONNECT_REQUEST',
  2: 'CALL_CONNECT_ACK',
  3: 'CALL_CONNECT_NAK',
  4: 'CALL_CONNECTED',
  5: 'CALL_ABORT',
  6: 'CALL_DISCONNECT',
  7: 'CALL_DISCONNECT_ACK',
  8: 'ECHO_REQUEST',
  9: 'ECHO_RESPONSE',
};

/**
 * Status Info attribute values, the reason a Call-Abort or Call-Disconnect carries ([MS-SSTP] 2.2.7 attribute types, Status Info
 * attribute; the same table in sstp-client's sstp-private.h and sorz/sstp-server's constants.py).
 */
export const SSTP_STATUS: Readonly<Record<number, string>> = {
  0: 'ATTRIB_STATUS_NO_ERROR',
  1: 'ATTRIB_STATUS_DUPLICATE_ATTRIBUTE',
  2: 'ATTRIB_STATUS_UNRECOGNIZED_ATTRIBUTE',
  3: 'ATTRIB_STATUS_INVALID_ATTRIB_VALUE_LENGTH',
  4: 'ATTRIB_STATUS_VALUE_NOT_SUPPORTED',
  5: 'ATTRIB_STATUS_UNACCEPTED_FRAME_RECEIVED',
  6: 'ATTRIB_STATUS_RETRY_COUNT_EXCEEDED',
  7: 'ATTRIB_STATUS_INVALID_FRAME_RECEIVED',
  8: 'ATTRIB_STATUS_NEGOTIATION_TIMEOUT',
  9: 'ATTRIB_STATUS_ATTRIB_NOT_SUPPORTED_IN_MSG',
  10: 'ATTRIB_STATUS_REQUIRED_ATTRIBUTE_MISSING',
  11: 'ATTRIB_STATUS_STATUS_INFO_NOT_SUPPORTED_IN_MSG',
};
