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
