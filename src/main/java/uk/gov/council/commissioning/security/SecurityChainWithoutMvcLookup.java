package uk.gov.council.commissioning.security;

import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Takes out the Spring MVC handler look-up that Spring Security puts in front of its filter chain
 * for every request. Spring Security does it so that MVC request matchers and MVC's CORS settings
 * find their handler once per request; this application has neither (its matchers are path
 * patterns, see {@link SecurityConfig}, and no CORS is configured), yet the look-up ran for every
 * {@code /engine-rest} call, which Spring MVC does not serve, trying every controller mapping in
 * vain: on a case start about half as much CPU as all of Spring Security's own filters.
 *
 * <p>Spring Security 6.5 adds it by replacing its filter chain bean with a composite of the
 * look-up's cache filter and the original bean; this puts the original back. When a later Spring
 * Security adds it differently, nothing is changed here and {@code SecurityChainTest} fails, so
 * that the look-up does not come back unnoticed. Should an MVC matcher ever be used, it still
 * decides correctly without the cache, only more slowly.
 */
@Configuration(proxyBeanMethods = false)
class SecurityChainWithoutMvcLookup {

  static final String CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
  private static final String COMPOSITE =
      "org.springframework.security.config.annotation.web.configuration."
          + "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
  private static final String LOOKUP_CACHE =
      "org.springframework.security.config.annotation.web.configuration."
          + "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

  @Bean
  static BeanDefinitionRegistryPostProcessor unwrapSecurityChain() {
    return new BeanDefinitionRegistryPostProcessor() {
      @Override
      public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        // Spring Security wraps its chain in this phase; it is unwrapped in the next one, below.
      }

      @Override
      public void postProcessBeanFactory(ConfigurableListableBeanFactory factory)
          throws BeansException {
        if (factory instanceof BeanDefinitionRegistry registry
            && registry.containsBeanDefinition(CHAIN)) {
          BeanDefinition original = unwrapped(registry.getBeanDefinition(CHAIN));
          if (original != null) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, original);
          }
        }
      }
    };
  }

  /** The chain inside the composite with the look-up, or null when it is not that composite. */
  private static BeanDefinition unwrapped(BeanDefinition chain) {
    if (!COMPOSITE.equals(chain.getBeanClassName())) {
      return null;
    }
    ValueHolder filters =
        chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
    if (filters == null || !(filters.getValue() instanceof List<?> list) || list.size() != 2) {
      return null;
    }
    BeanDefinition original = null;
    boolean lookup = false;
    for (Object filter : list) {
      if (!(filter instanceof BeanDefinition definition)) {
        return null;
      }
      if (LOOKUP_CACHE.equals(definition.getBeanClassName())) {
        lookup = true;
      } else {
        original = definition;
      }
    }
    return lookup ? original : null;
  }
}
