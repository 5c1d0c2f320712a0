/** The frame every email shares: language and direction, preview line, heading, footer. */
import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailContact } from "../types";
import type { EmailText } from "./i18n";
import { ContactBlock } from "./parts";
import { styles } from "./styles";

export { styles };


export type LayoutProps = {
  text: EmailText;
  preview: string;
  heading: string;
  organiser: string;
  /** Whom participants ask (participant emails); staff emails have none. */
  contact?: EmailContact | null;
  children: ReactNode;
};

export function Layout({ text, preview, heading, organiser, contact, children }: LayoutProps) {
  return (
    <Html lang={text.lang} dir={text.dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <ContactBlock text={text} contact={contact} />
          <Text style={styles.footer}>{text.t("email.common.footer", { organiser })}</Text>
        </Container>
      </Body>
    </Html>
  );
}
