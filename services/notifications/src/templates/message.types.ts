// What a template produces: an e-mail and a short SMS text for one event.

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface SmsContent {
  text: string;
}

export interface Template<D> {
  name: string;
  email(data: D): EmailContent;
  sms(data: D): SmsContent;
}
