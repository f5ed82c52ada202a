package uk.gov.council.commissioning.cases;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import org.springframework.stereotype.Component;

/**
 * The engine validates each BPMN file it deploys against the BPMN 2.0 schema, but hands the parser
 * the schema's address, so the parser reads and compiles the schema's five files again for every
 * model: in a profile of the demo's start-up, two thirds of the time the engine spent parsing its
 * twenty-odd models went on that. Here the schema is compiled once and the same compiled schema
 * validates every model: the same checks, reported to the engine's handler as before, so a model
 * the schema refuses still fails its deployment with the schema's message.
 */
@Component
class BpmnSchemaOnce extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getBpmnParseFactory() == null) {
      configuration.setBpmnParseFactory(new OneSchemaParseFactory());
    }
  }

  static final class OneSchemaParseFactory implements BpmnParseFactory {

    @Override
    public BpmnParse createBpmnParse(BpmnParser bpmnParser) {
      return new OneSchemaParse(bpmnParser);
    }
  }

  /** The engine's own parse, validated by the compiled schema rather than by its address. */
  static final class OneSchemaParse extends BpmnParse {

    OneSchemaParse(BpmnParser bpmnParser) {
      super(bpmnParser);
      // The engine's parser would load the schema from this address for this parse; ours has it.
      this.schemaResource = null;
      this.parser = CompiledSchemaParser.INSTANCE;
    }
  }

  /** Gives out SAX parsers that validate against the BPMN schema compiled once. */
  static final class CompiledSchemaParser extends Parser {

    static final CompiledSchemaParser INSTANCE = new CompiledSchemaParser();

    private final Schema schema = compile();

    @Override
    protected SAXParser getSaxParser() throws Exception {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      // As the engine's parser sets them up for a schema-validated parse.
      factory.setNamespaceAware(true);
      factory.setFeature(NAMESPACE_PREFIXES, true);
      setXxeProcessing(factory);
      factory.setSchema(schema);
      return factory.newSAXParser();
    }

    @Override
    public Parse createParse() {
      throw new UnsupportedOperationException("parses are created by the engine's BPMN parser");
    }

    private static Schema compile() {
      URL location =
          BpmnParser.class.getClassLoader().getResource(BpmnParser.BPMN_20_SCHEMA_LOCATION);
      if (location == null) {
        throw new IllegalStateException("the engine's BPMN schema is missing from its jar");
      }
      try {
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // The schema's own imports, read from the engine's jar (the engine allows the same).
        schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "all");
        return schemas.newSchema(location);
      } catch (Exception e) {
        throw new IllegalStateException("the engine's BPMN schema could not be compiled", e);
      }
    }
  }
}
