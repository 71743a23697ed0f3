package dev.ctpat.compliance.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parses rendered XML and XHTML with the JDK's strict DOM parser. */
final class XmlDocuments {
  private XmlDocuments() {}

  /**
   * The document, namespace-aware, refusing DTDs that would make the parser fetch anything;
   * throws when the text is not well-formed XML.
   */
  static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** The elements with this local name, in document order. */
  static List<Element> elements(Document document, String localName) {
    NodeList nodes = document.getElementsByTagNameNS("*", localName);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** The direct child elements of an element with this local name. */
  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(localName)) {
        out.add(e);
      }
    }
    return out;
  }
}
