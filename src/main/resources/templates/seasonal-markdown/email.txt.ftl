${customer.fullName}様

${customer.prefecture!''}の冬はまだ続きます。あなたのサイズの在庫がある冬物を、シーズン終わりの特別価格でご用意しました。

<#list items as item>
・${item.name}<#if item.size??>（${item.size}）</#if> <#if item.markdownPrice??>${en(item.markdownPrice)}（通常 ${en(item.price)}）<#else>${en(item.price)}</#if>
  ${item.url!''}
</#list>

在庫がなくなり次第終了します。
