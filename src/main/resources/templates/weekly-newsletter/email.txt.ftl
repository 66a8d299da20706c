${customer.fullName}様

いつもご利用ありがとうございます。${jpDate(run.date)}の便りをお届けします。
<#if items?has_content>

■ あなたのサイズで在庫のある商品
<#list items as item>
・${item.name}<#if item.size??>（${item.size}）</#if> <#if item.markdownPrice??>${en(item.markdownPrice)}（通常 ${en(item.price)}）<#else>${en(item.price)}</#if>
  ${item.url!''}
</#list>
</#if>
<#list blocks as block>

■ ${block.title!''}
<#if block.body??>${block.body}</#if>
<#if block.url??>${block.url}</#if>
</#list>
