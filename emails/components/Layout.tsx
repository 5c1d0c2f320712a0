/** The frame every email shares: language and direction, preview line, heading, footer. */
import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailText } from "./i18n";

export const styles = {
  body: {
    backgroundColor: "#f4f4f5",
    fontFamily: "Arial, Helvetica, sans-serif",
    color: "#1f2937",
    margin: 0,
    padding: "24px 0",
  },
  container: {
    backgroundColor: "#ffffff",
    maxWidth: "560px",
    margin: "0 auto",
    padding: "24px 28px",
    borderRadius: "6px",
  },
  heading: { fontSize: "24px", lineHeight: "32px", margin: "0 0 16px", color: "#111827" },
  text: { fontSize: "16px", lineHeight: "24px", margin: "0 0 14px" },
  label: { fontWeight: 700 },
  small: { fontSize: "14px", lineHeight: "20px", color: "#4b5563", margin: "0 0 10px" },
  button: {
    backgroundColor: "#1d4ed8",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 700,
    padding: "12px 20px",
    borderRadius: "6px",
    textDecoration: "none",
    display: "inline-block",
  },
  link: { color: "#1d4ed8", wordBreak: "break-all" as const },
  hr: { borderColor: "#e5e7eb", margin: "24px 0 16px" },
  footer: { fontSize: "13px", lineHeight: "18px", color: "#6b7280", margin: 0 },
};

export type LayoutProps = {
  text: EmailText;
  preview: string;
  heading: string;
  organiser: string;
  children: ReactNode;
};

export function Layout({ text, preview, heading, organiser, children }: LayoutProps) {
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
          <Text style={styles.footer}>{text.t("email.common.footer", { organiser })}</Text>
        </Container>
      </Body>
    </Html>
  );
}
